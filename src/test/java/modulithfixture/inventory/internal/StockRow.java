package modulithfixture.inventory.internal;

/** An inside type of the fixture's inventory module (as catalogue.internal.Program is of catalogue). */
public class StockRow {

    public int count() {
        return 0;
    }
}
