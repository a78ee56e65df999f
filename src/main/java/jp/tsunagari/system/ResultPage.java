package jp.tsunagari.system;

import java.util.List;

/** One page of results with what pagination needs. */
public record ResultPage<T>(List<T> items, long total, int page, int size) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    /** Page numbers to link: the first, the last, and two either side of the current one. */
    public List<Integer> pageWindow() {
        java.util.TreeSet<Integer> pages = new java.util.TreeSet<>();
        pages.add(1);
        pages.add(totalPages());
        for (int n = Math.max(1, page - 2); n <= Math.min(totalPages(), page + 2); n++) {
            pages.add(n);
        }
        return List.copyOf(pages);
    }

    public long firstIndex() {
        return items.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    public long lastIndex() {
        return items.isEmpty() ? 0 : firstIndex() + items.size() - 1;
    }
}
