package no.evidens.pipeline.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.EntryUtils;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** An OLE folder inside an Office file, written out as an OLE file of its own (POI copies it). */
final class OleFolders {
    private OleFolders() {
    }

    static InputStream asStream(DirectoryEntry dir) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EntryUtils.copyNodes(dir, fs.getRoot());
            fs.getRoot().setStorageClsid(dir.getStorageClsid());
            fs.writeFilesystem(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }
}
