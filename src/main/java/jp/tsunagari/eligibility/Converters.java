package jp.tsunagari.eligibility;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Column codecs for the small multi-valued fields of a criterion (comma-separated text). */
final class Converters {

    private Converters() {
    }

    @Converter
    static class AreaCodes implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> codes) {
            return codes == null || codes.isEmpty() ? null : String.join(",", codes);
        }

        @Override
        public List<String> convertToEntityAttribute(String text) {
            return text == null || text.isBlank() ? List.of()
                    : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    @Converter
    static class Schools implements AttributeConverter<SchoolRules, String> {
        @Override
        public String convertToDatabaseColumn(SchoolRules rules) {
            return rules == null ? null : rules.format();
        }

        @Override
        public SchoolRules convertToEntityAttribute(String text) {
            return SchoolRules.parse(text);
        }
    }

    @Converter
    static class Applicants implements AttributeConverter<Set<Applicant>, String> {
        @Override
        public String convertToDatabaseColumn(Set<Applicant> applicants) {
            return applicants == null || applicants.isEmpty() ? null
                    : applicants.stream().map(Applicant::code).sorted().collect(Collectors.joining(","));
        }

        @Override
        public Set<Applicant> convertToEntityAttribute(String text) {
            Set<Applicant> set = new TreeSet<>();
            if (text != null) {
                Arrays.stream(text.split(",")).map(String::strip)
                        .forEach(c -> set.add(Applicant.fromCode(c)
                                .orElseThrow(() -> new IllegalArgumentException("Unknown applicant: " + c))));
            }
            return set;
        }
    }
}
