package jp.tsunagari.system;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Property paths of a form object ({@code groups[0].criteria[1].minAge}) as field ids and as a position in the form:
 * fields rank in the order the form class declares them, rows by their index.
 */
final class FieldOrder {

    private FieldOrder() {
    }

    /** {@code groups[0].criteria[1].minAge} → {@code groups-0-criteria-1-minAge}. */
    static String id(String path) {
        return path.replace("[", "-").replace("]", "").replace('.', '-');
    }

    static List<Integer> rank(Class<?> form, String path) {
        List<Integer> rank = new ArrayList<>();
        Class<?> type = form;
        for (String token : path.split("\\.")) {
            int bracket = token.indexOf('[');
            String name = bracket < 0 ? token : token.substring(0, bracket);
            Field field = field(type, name);
            rank.add(field == null ? Integer.MAX_VALUE : List.of(type.getDeclaredFields()).indexOf(field));
            if (bracket >= 0) {
                rank.add(index(token.substring(bracket + 1, token.length() - 1)));
            }
            type = field == null ? Object.class : elementType(field);
        }
        return rank;
    }

    private static Field field(Class<?> type, String name) {
        for (Field f : type.getDeclaredFields()) {
            if (f.getName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static int index(String text) {
        return text.matches("\\d{1,9}") ? Integer.parseInt(text) : Integer.MAX_VALUE;
    }

    /** A list field's element class, else the field's own class. */
    private static Class<?> elementType(Field field) {
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return field.getType();
    }
}
