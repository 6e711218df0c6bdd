package org.backroom.purchasing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A purchase order as it was made: the supplier's name and each line's item sku and name are snapshots, so the
 * order reads the same whatever happens to the supplier or the items later. {@code warnings} is what receiving it
 * had to say, such as items that were inactive when the goods came.
 */
record PurchaseOrder(long id, String number, long supplierId, String supplierName, PurchaseOrderStatus status,
		BigDecimal total, List<String> warnings, @Nullable String cancelReason, Instant createdAt, String createdBy,
		@Nullable Instant orderedAt, @Nullable Instant receivedAt, @Nullable Instant cancelledAt, long version,
		List<Line> lines) {

	/** One line as ordered. */
	record Line(int lineNo, long itemId, String sku, String name, int quantity, BigDecimal unitCost,
			BigDecimal lineTotal) {
	}

	PurchaseOrder withLines(List<Line> lines) {
		return new PurchaseOrder(id, number, supplierId, supplierName, status, total, warnings, cancelReason,
				createdAt, createdBy, orderedAt, receivedAt, cancelledAt, version, List.copyOf(lines));
	}

}
