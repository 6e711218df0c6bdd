package org.backroom.item;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Whether a sale may take a tracked item's stock below zero ({@code backroom.stock.allow-negative}). */
@ConfigurationProperties("backroom.stock")
record StockSettings(@DefaultValue("false") boolean allowNegative) {
}
