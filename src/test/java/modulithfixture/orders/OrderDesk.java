package modulithfixture.orders;

import modulithfixture.inventory.internal.StockRow;

/**
 * A two-module fixture for {@code jp.tsunagari.ModularityTest}: {@code orders} uses {@code inventory.internal}, the
 * kind of leak the catalogue's modules must not have. Never started.
 */
class OrderDesk {

    int available(StockRow row) {
        return row.count();
    }
}
