package jp.tsunagari.opendata;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The served OpenAPI document as a set of JSON Schemas (2020-12, the dialect of OpenAPI 3.1) for the contract test.
 * Validation uses a <em>closed</em> copy: every object schema with {@code properties} gets
 * {@code additionalProperties: false}, so an answer with a field the document does not declare fails, while the
 * published document stays open for additions. {@code #/components/schemas/…} references resolve inside the document.
 */
final class ContractDocument {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IRI = "https://tsunagari.example.jp/contract/openapi.json";

    final JsonNode document;
    private final JsonNode closed;
    private final SchemaRegistry registry;

    ContractDocument(String json) {
        this.document = JSON.readTree(json);
        this.closed = close(document.deepCopy());
        String closedText = JSON.writeValueAsString(closed);
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(Map.of(IRI, closedText)));
    }

    /** A JSON pointer segment: ~ and / escaped. */
    static String segment(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The problems of a value against the schema at a JSON pointer of the document (closed), as readable lines. */
    List<String> validate(String pointer, JsonNode value) {
        if (closed.at(pointer).isMissingNode()) {
            return List.of("no schema at " + pointer);
        }
        Schema schema = registry.getSchema(SchemaLocation.of(IRI + "#" + pointer));
        List<String> problems = new ArrayList<>();
        for (Error e : schema.validate(value)) {
            problems.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        return problems;
    }

    /** Adds additionalProperties: false to every object schema with properties and no additionalProperties. */
    private static JsonNode close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.get("properties").isObject() && !object.has("additionalProperties")
                    && !object.has("in")) {
                object.put("additionalProperties", false);
            }
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (!e.getKey().equals("example") && !e.getKey().equals("examples")) {
                    close(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ContractDocument::close);
        }
        return node;
    }

    /** Every example in the document with the pointer of the schema it must satisfy. */
    List<Map.Entry<String, JsonNode>> examples() {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        collect(document, "", found);
        return found;
    }

    private static void collect(JsonNode node, String pointer, List<Map.Entry<String, JsonNode>> found) {
        if (node instanceof ObjectNode object) {
            if (object.has("example")) {
                found.add(Map.entry(object.has("schema") ? pointer + "/schema" : pointer, object.get("example")));
            }
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (!e.getKey().equals("example") && !e.getKey().equals("examples")) {
                    collect(e.getValue(), pointer + "/" + segment(e.getKey()), found);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), pointer + "/" + i, found);
            }
        }
    }

    /** The document as committed in docs/openapi.json: keys sorted at every level, two-space indents, a final newline. */
    static String canonical(JsonNode node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(node)).replace("\r\n", "\n") + "\n";
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), sorted(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(sorted(n)));
            return list;
        }
        return node;
    }
}
