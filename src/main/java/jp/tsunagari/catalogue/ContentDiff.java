package jp.tsunagari.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Field-by-field comparison of two contents: each is flattened into paths such as {@code sections[1].items[2].text}
 * (1-based) and values, and the paths whose values differ are listed in order.
 */
@Component
public class ContentDiff {

    private final JsonMapper json;

    ContentDiff(JsonMapper json) {
        this.json = json;
    }

    public record Change(String path, String before, String after) {

        /** The top-level field, for a readable label (name, sections, targetGroups …). */
        public String field() {
            int end = path.indexOf('[');
            int dot = path.indexOf('.');
            int cut = end < 0 ? dot : dot < 0 ? end : Math.min(end, dot);
            return cut < 0 ? path : path.substring(0, cut);
        }
    }

    public List<Change> between(ProgramContent before, ProgramContent after) {
        Map<String, String> a = flatten(before);
        Map<String, String> b = flatten(after);
        Set<String> paths = new LinkedHashSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<Change> changes = new ArrayList<>();
        for (String path : paths) {
            if (!Objects.equals(a.get(path), b.get(path))) {
                changes.add(new Change(path, a.get(path), b.get(path)));
            }
        }
        return changes;
    }

    Map<String, String> flatten(ProgramContent content) {
        Map<String, String> out = new LinkedHashMap<>();
        if (content != null) {
            walk(json.valueToTree(content), "", out);
        }
        return out;
    }

    private static void walk(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + (i + 1) + "]", out);
            }
        } else if (!node.isNull() && !(node.isString() && node.asString().isEmpty())) {
            out.put(path, node.isString() ? node.asString() : node.toString());
        }
    }
}
