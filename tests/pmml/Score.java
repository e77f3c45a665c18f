// JPMML-Evaluator (from the PyPI package jpmml-evaluator, which bundles its jars) as the
// independent consumer of Perspectief's PMML in the tests: validate the file against the
// PMML 4.4 schema that package ships (pmml.xsd in pmml-model), then score every row of a
// tab-separated file (a header, then values; an empty cell is missing) and print, per row,
// the id of the tree node it ends in.
//
//   java -cp <classes>:<jars>/* Score boom.pmml rijen.tsv
import java.io.BufferedReader;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.dmg.pmml.ResultFeature;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.FieldValue;
import org.jpmml.evaluator.HasEntityId;
import org.jpmml.evaluator.InputField;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.jpmml.evaluator.TargetField;

public class Score {
    public static void main(String[] args) throws Exception {
        File model = new File(args[0]);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = factory.newSchema(org.dmg.pmml.PMML.class.getResource("/pmml.xsd"));
        schema.newValidator().validate(new StreamSource(model));

        // The node a row ends in is a result feature JPMML computes only when asked.
        LoadingModelEvaluatorBuilder builder = new LoadingModelEvaluatorBuilder().load(model);
        builder.setExtraResultFeatures(EnumSet.of(ResultFeature.ENTITY_ID));
        Evaluator evaluator = builder.build();
        evaluator.verify();
        List<InputField> inputs = evaluator.getInputFields();
        List<TargetField> targets = evaluator.getTargetFields();
        String target = targets.get(0).getName();
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = Files.newBufferedReader(new File(args[1]).toPath(), StandardCharsets.UTF_8)) {
            String[] header = reader.readLine().split("\t", -1);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split("\t", -1);
                Map<String, Object> raw = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    raw.put(header[i], cells[i].isEmpty() ? null : cells[i]);
                }
                Map<String, FieldValue> arguments = new LinkedHashMap<>();
                for (InputField input : inputs) {
                    arguments.put(input.getName(), input.prepare(raw.get(input.getName())));
                }
                Object result = evaluator.evaluate(arguments).get(target);
                out.append(((HasEntityId) result).getEntityId()).append('\n');
            }
        }
        System.out.print(out);
    }
}
