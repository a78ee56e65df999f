package jp.tsunagari.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The first {@code limit} (source order, id) keys offered, kept in a bounded max-heap. */
final class FirstInOrder {

    private final int limit;
    private final PriorityQueue<long[]> heap = new PriorityQueue<>(
            Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]).reversed());

    FirstInOrder(int limit) {
        this.limit = limit;
    }

    /** False when a program of this order cannot enter the list (its order is past the last kept one's). */
    boolean wants(long order) {
        return heap.size() < limit || order <= heap.peek()[0];
    }

    void offer(long order, long id) {
        if (heap.size() < limit) {
            heap.add(new long[] {order, id});
            return;
        }
        long[] worst = heap.peek();
        if (order < worst[0] || order == worst[0] && id < worst[1]) {
            heap.poll();
            heap.add(new long[] {order, id});
        }
    }

    List<Long> ids() {
        List<long[]> keys = new ArrayList<>(heap);
        keys.sort(Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]));
        return keys.stream().map(k -> k[1]).toList();
    }
}
