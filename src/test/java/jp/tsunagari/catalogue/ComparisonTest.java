package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison's rules: rows in a fixed order, same or different per row, and the selection carried in URLs. */
class ComparisonTest {

    static final List<Comparison.Column> TWO = List.of(new Comparison.Column(1, "A"), new Comparison.Column(3, "B"));

    @Test
    void everyFactIsARowInTheFixedOrderEvenWhenAColumnLacksIt() {
        Comparison c = Comparison.of(TWO, List.of(Map.of(ComparedFact.CHANNEL, List.of("LINE")), Map.of()), List.of());
        assertThat(c.rows()).extracting(Comparison.Row::fact).containsExactly(ComparedFact.values());
        assertThat(c.rows()).extracting(Comparison.Row::fact).startsWith(ComparedFact.CATEGORY, ComparedFact.ORGANIZER)
                .endsWith(ComparedFact.CONFIRMED_ON);
        Comparison.Row channel = row(c, ComparedFact.CHANNEL);
        assertThat(channel.cells()).containsExactly(List.of("LINE"), List.of());
        assertThat(channel.same()).isFalse();
    }

    @Test
    void aRowIsTheSameOnlyWhenEveryCellHasTheSameLinesInTheSameOrder() {
        List<Comparison.Column> three = List.of(new Comparison.Column(1, "A"), new Comparison.Column(3, "B"),
                new Comparison.Column(4, "C"));
        Comparison c = Comparison.of(three, List.of(
                Map.of(ComparedFact.CATEGORY, List.of("SNS"), ComparedFact.PERIODS, List.of("x", "y"),
                        ComparedFact.BENEFIT, List.of("特産品")),
                Map.of(ComparedFact.CATEGORY, List.of("SNS"), ComparedFact.PERIODS, List.of("y", "x"),
                        ComparedFact.BENEFIT, List.of("特産品")),
                Map.of(ComparedFact.CATEGORY, List.of("SNS"), ComparedFact.PERIODS, List.of("x", "y"),
                        ComparedFact.BENEFIT, List.of("特産品 "))), List.of());
        assertThat(row(c, ComparedFact.CATEGORY).same()).isTrue();
        assertThat(row(c, ComparedFact.PERIODS).same()).as("order matters").isFalse();
        assertThat(row(c, ComparedFact.BENEFIT).same()).as("one differs by a space").isFalse();
        assertThat(row(c, ComparedFact.CHANNEL).same()).as("all empty").isTrue();
        assertThat(c.sameCount()).isEqualTo(ComparedFact.values().length - 2);
        assertThat(c.enough()).isTrue();
    }

    @Test
    void oneProgramAloneIsNeverTheSameAndIsNotEnoughToCompare() {
        Comparison c = Comparison.of(TWO.subList(0, 1), List.of(Map.of(ComparedFact.CATEGORY, List.of("SNS"))),
                List.of(99L));
        assertThat(c.rows()).noneMatch(Comparison.Row::same);
        assertThat(c.enough()).isFalse();
        assertThat(c.missing()).containsExactly(99L);
        assertThatThrownBy(() -> Comparison.of(TWO, List.of(Map.of()), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowHeadingsAreMessageKeysAndVerbatimRowsAreTheSourcesText() {
        assertThat(ComparedFact.CONFIRMED_ON.messageKey()).isEqualTo("compare.fact.confirmed.on");
        assertThat(ComparedFact.ELIGIBILITY_SOURCE.verbatim()).isTrue();
        assertThat(ComparedFact.CHANNEL.verbatim()).isFalse();
    }

    @Test
    void theSelectionKeepsIdsInOrderDropsWhatIsNotAnIdAndStopsAtFour() {
        CompareSelection s = CompareSelection.of(Arrays.asList("3", "x", "1", "3", "", null, "-2", "0", "7", "9", "11"));
        assertThat(s.ids()).containsExactly(3L, 1L, 7L, 9L);
        assertThat(s.full()).isTrue();
        assertThat(s.with(11).ids()).containsExactly(3L, 1L, 7L, 9L);
        assertThat(s.without(1).with(11).ids()).containsExactly(3L, 7L, 9L, 11L);
        assertThat(CompareSelection.of(List.of("9999999999999999999")).isEmpty()).isTrue();
        assertThat(CompareSelection.of(null).isEmpty()).isTrue();
    }

    @Test
    void theSelectionIsCarriedByUrlsAndNamesTheComparePage() {
        CompareSelection s = CompareSelection.of(List.of("3", "1"));
        assertThat(s.carriedBy("/programs")).isEqualTo("/programs?compare=3&compare=1");
        assertThat(s.carriedBy("/programs?q=LINE&page=2")).isEqualTo("/programs?q=LINE&page=2&compare=3&compare=1");
        assertThat(s.compareUrl()).isEqualTo("/compare?id=3&id=1");
        assertThat(CompareSelection.none().carriedBy("/programs")).isEqualTo("/programs");
        CompareLinks links = new CompareLinks(s, "/categories/sns?page=2");
        assertThat(links.add(4L)).isEqualTo("/categories/sns?page=2&compare=3&compare=1&compare=4#card-4");
        assertThat(links.remove(3L)).isEqualTo("/categories/sns?page=2&compare=1#card-3");
        assertThat(links.program(5L)).isEqualTo("/programs/5?compare=3&compare=1");
        assertThat(links.selected(3L)).isTrue();
        assertThat(links.selected(4L)).isFalse();
    }

    static Comparison.Row row(Comparison c, ComparedFact fact) {
        return c.rows().stream().filter(r -> r.fact() == fact).findFirst().orElseThrow();
    }
}
