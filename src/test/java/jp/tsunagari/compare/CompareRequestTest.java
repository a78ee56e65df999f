package jp.tsunagari.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What /compare makes of its id values: ids in order, repeats collapsed, bad values named, the rest left out. */
class CompareRequestTest {

    @Test
    void repeatsCollapseAndTheFirstFourAreKept() {
        CompareRequest r = CompareRequest.parse(List.of("4", "1", "4", "3", "7", "9", "11"));
        assertThat(r.ids()).containsExactly(4L, 1L, 3L, 7L);
        assertThat(r.leftOut()).isEqualTo(2);
        assertThat(r.malformed()).isEmpty();
        assertThat(r.hasProblems()).isTrue();
    }

    @Test
    void valuesThatAreNotIdsAreNamedOnceAndShortenedEmptyOnesIgnored() {
        String long40 = "x".repeat(40);
        CompareRequest r = CompareRequest.parse(Arrays.asList("abc", "1", "", " ", null, "abc", "-3", "1.5", long40, "3"));
        assertThat(r.ids()).containsExactly(1L, 3L);
        assertThat(r.malformed()).containsExactly("abc", "-3", "1.5", "x".repeat(CompareRequest.SHOWN) + "…");
        assertThat(r.leftOut()).isZero();
        assertThat(r.hasProblems()).isTrue();
    }

    @Test
    void twoGoodIdsAreNoProblemAndNothingIsNothing() {
        assertThat(CompareRequest.parse(List.of("1", "3")).hasProblems()).isFalse();
        CompareRequest none = CompareRequest.parse(null);
        assertThat(none.ids()).isEmpty();
        assertThat(none.hasProblems()).isFalse();
        List<String> many = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "bad" + i).toList();
        assertThat(CompareRequest.parse(many).malformed()).hasSize(CompareRequest.NAMED);
    }
}
