package modulithfixture.inventory;

/** The face of the fixture's inventory module. */
public record Stock(int count) {
}
