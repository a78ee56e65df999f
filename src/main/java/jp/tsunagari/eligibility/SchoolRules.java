package jp.tsunagari.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The school types a STUDENT criterion accepts. Written as text, e.g.
 * {@code university,kosen:4-5,vocational,etc}: {@code kosen:4-5} limits grades (inclusive), {@code any} accepts every
 * school, {@code etc} records that the source's list ends in 「等」 (other school types are then undecided, not refused).
 */
public record SchoolRules(List<Rule> rules, boolean anySchool, boolean openEnded) {

    public record Rule(SchoolType type, Integer minGrade, Integer maxGrade) {

        public boolean limitsGrades() {
            return minGrade != null;
        }

        String format() {
            return limitsGrades() ? type.code() + ":" + minGrade + "-" + maxGrade : type.code();
        }
    }

    public SchoolRules {
        rules = List.copyOf(rules);
    }

    public Optional<Rule> ruleFor(SchoolType type) {
        return rules.stream().filter(r -> r.type() == type).findFirst();
    }

    public static SchoolRules parse(String text) {
        List<Rule> rules = new ArrayList<>();
        boolean any = false;
        boolean etc = false;
        if (text != null && !text.isBlank()) {
            for (String token : text.split(",")) {
                String t = token.strip();
                if (t.equals("any")) {
                    any = true;
                } else if (t.equals("etc")) {
                    etc = true;
                } else {
                    String[] typeAndGrades = t.split(":", 2);
                    SchoolType type = SchoolType.fromCode(typeAndGrades[0])
                            .orElseThrow(() -> new IllegalArgumentException("Unknown school type: " + t));
                    if (typeAndGrades.length == 2) {
                        String[] range = typeAndGrades[1].split("-", 2);
                        rules.add(new Rule(type, Integer.valueOf(range[0]), Integer.valueOf(range[range.length - 1])));
                    } else {
                        rules.add(new Rule(type, null, null));
                    }
                }
            }
        }
        return new SchoolRules(rules, any, etc);
    }

    public String format() {
        List<String> tokens = new ArrayList<>(rules.stream().map(Rule::format).toList());
        if (anySchool) {
            tokens.add("any");
        }
        if (openEnded) {
            tokens.add("etc");
        }
        return tokens.isEmpty() ? null : String.join(",", tokens);
    }
}
