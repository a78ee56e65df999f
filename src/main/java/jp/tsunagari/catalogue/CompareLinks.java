package jp.tsunagari.catalogue;

/**
 * The 「比較に追加」 / 「比較から外す」 links of the cards on one page: {@code base} is the page's own URL without the
 * selection (its filters, sort and page kept), so adding or removing a program comes back to the same list, at the
 * same card.
 */
public record CompareLinks(CompareSelection selection, String base) {

    public boolean selected(Long id) {
        return selection.contains(id);
    }

    public boolean full() {
        return selection.full();
    }

    public int size() {
        return selection.size();
    }

    public String add(Long id) {
        return selection.with(id).carriedBy(base) + "#card-" + id;
    }

    public String remove(Long id) {
        return selection.without(id).carriedBy(base) + "#card-" + id;
    }

    /** A program's page, carrying the selection so that its 「比較に追加」 adds to it. */
    public String program(Long id) {
        return selection.carriedBy("/programs/" + id);
    }

    public String compare() {
        return selection.compareUrl();
    }

    /** The same page with nothing selected. */
    public String clear() {
        return base;
    }
}
