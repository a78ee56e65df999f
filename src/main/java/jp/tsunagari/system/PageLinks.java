package jp.tsunagari.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to the other pages of a list: the same path and parameters (empty ones left out), another {@code page}. For
 * the shared pagination fragment (fragments/parts.html), which staff lists use as the public ones do.
 */
public record PageLinks(String path, Map<String, String> parameters) {

    /** {@code namesAndValues}: name, value, name, value… (null or blank values are left out). */
    public static PageLinks of(String path, String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                parameters.put(namesAndValues[i], value);
            }
        }
        return new PageLinks(path, parameters);
    }

    public String page(int n) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        parameters.forEach(b::queryParam);
        if (n > 1) {
            b.queryParam("page", n);
        }
        return b.encode().build().toUriString();
    }
}
