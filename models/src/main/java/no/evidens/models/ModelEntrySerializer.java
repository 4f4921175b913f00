package no.evidens.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.GenericModelSerializer;

/**
 * Reads a model package's classifier entry ({@code .model}) as OpenNLP's {@link GenericModelSerializer} does, the
 * entry's bytes first inflated whole and then read from memory ({@link ModelEntryData}); writes it as OpenNLP does.
 */
final class ModelEntrySerializer implements ArtifactSerializer<AbstractModel> {
    /** OpenNLP's key for the serializer of entries named {@code *.model}. */
    static final String EXTENSION = "model";

    private final GenericModelSerializer writer = new GenericModelSerializer();

    @Override
    public AbstractModel create(InputStream in) throws IOException {
        return new GenericModelReader(new ModelEntryData(in.readAllBytes())).getModel();
    }

    @Override
    public void serialize(AbstractModel artifact, OutputStream out) throws IOException {
        writer.serialize(artifact, out);
    }
}
