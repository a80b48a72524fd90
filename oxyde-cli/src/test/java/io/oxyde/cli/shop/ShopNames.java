package io.oxyde.cli.shop;

/** Not a model (no id, no @Table): the scanner must skip it. */
public final class ShopNames {
    public static final String SHOP = "shop";

    private ShopNames() {
    }
}
