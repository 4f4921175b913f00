package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.codecs.StoredFieldsWriter;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.SegmentInfo;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;

/**
 * The writer's stored fields in blocks of {@link #CHUNK_BYTES} where Lucene's default writes 80 kB. Lucene compresses
 * stored fields a block at a time (LZ4 over ten parts of a block, each with a dictionary of the block's first bytes),
 * and reading one entry decodes the header of its block (every entry's field count and length) and decompresses the
 * dictionary and the part that holds the entry. A page of hits reads ten entries, most of them in blocks of their
 * own, so a quarter of the block means about a quarter of that work; a passage's shown fields are what a search
 * reads from them. The price is compression: the index on disk is about an eighth larger (see the forty-second round
 * of docs/search-speed-rounds.md).
 *
 * <p>Only the writing is ours: the files are those of Lucene's default format in its fast mode (its name, its
 * compression mode; the block size is written into the files and read back from them), so an index written with it is
 * read by Lucene's own reader, an index written before (80 kB blocks) is read as it was, and its segments get the
 * smaller blocks when a merge rewrites them. Lucene has no setting for the block size of its default format, hence
 * the wrapper.
 */
final class StoredChunks {
    /** The bytes of stored fields a block holds before it is compressed (Lucene's default: 80 kB). */
    static final int CHUNK_BYTES = 20 * 1024;
    /** Lucene's default: at most 1,024 entries a block (a block of passages fills its bytes first). */
    private static final int MAX_DOCS_PER_CHUNK = 1024;
    /** Lucene's default: the index of blocks in blocks of 2^10 of them. */
    private static final int BLOCK_SHIFT = 10;
    /** The name Lucene's default format writes in its fast mode (read back by Lucene's reader for that mode). */
    private static final String FAST_FORMAT = "Lucene90StoredFieldsFastData";

    private StoredChunks() {
    }

    /** {@code codec} with its stored fields written in smaller blocks (and read by its own reader). */
    static Codec codec(Codec codec) {
        StoredFieldsFormat lucene = codec.storedFieldsFormat();
        StoredFieldsFormat small = new Lucene90CompressingStoredFieldsFormat(FAST_FORMAT,
                Lucene90StoredFieldsFormat.BEST_SPEED_MODE, CHUNK_BYTES, MAX_DOCS_PER_CHUNK, BLOCK_SHIFT);
        StoredFieldsFormat writing = new StoredFieldsFormat() {
            @Override
            public StoredFieldsReader fieldsReader(Directory directory, SegmentInfo si, FieldInfos fn, IOContext context)
                    throws IOException {
                return lucene.fieldsReader(directory, si, fn, context);
            }

            @Override
            public StoredFieldsWriter fieldsWriter(Directory directory, SegmentInfo si, IOContext context)
                    throws IOException {
                // The mark Lucene's format leaves for its reader: the segment's stored fields are in its fast mode.
                si.putAttribute(Lucene90StoredFieldsFormat.MODE_KEY, Lucene90StoredFieldsFormat.Mode.BEST_SPEED.name());
                return small.fieldsWriter(directory, si, context);
            }
        };
        return new FilterCodec(codec.getName(), codec) {
            @Override
            public StoredFieldsFormat storedFieldsFormat() {
                return writing;
            }
        };
    }
}
