package org.backroom.settings;

/**
 * Who the store is, as its receipts print it: settings {@code store.name} and {@code store.address}
 * ({@code PATCH /api/settings {"store": {"name", "address"}}}). The address keeps its line breaks.
 */
public record StoreDetails(String name, String address) {

	static final String DEFAULT_NAME = "Backroom store";

}
