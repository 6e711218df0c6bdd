package org.backroom.purchasing;

import java.util.Locale;

import org.backroom.web.Refusal;
import org.backroom.web.ValidationFailed;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Where a purchase order is: {@code DRAFT → ORDERED → RECEIVED}, or {@code CANCELLED} from a draft or an ordered
 * one. Which move starts where is decided here and nowhere else.
 */
enum PurchaseOrderStatus {

	DRAFT, ORDERED, RECEIVED, CANCELLED;

	/** What a person can do to a purchase order, each a {@code POST /api/purchase-orders/{id}/<verb>}. */
	enum Move {

		ORDER, RECEIVE, CANCEL;

		String verb() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** The status this move leads to from here, or the refusal that names why it cannot be made. */
	PurchaseOrderStatus after(Move move, String number) {
		@Nullable PurchaseOrderStatus next = next(move);
		if (next == null) {
			throw new InvalidMove(number, this, move);
		}
		return next;
	}

	/** Whether this move starts from here, for pages that offer only the moves that can be made. */
	boolean allows(Move move) {
		return next(move) != null;
	}

	private @Nullable PurchaseOrderStatus next(Move move) {
		return switch (move) {
			case ORDER -> this == DRAFT ? ORDERED : null;
			case RECEIVE -> this == ORDERED ? RECEIVED : null;
			case CANCEL -> this == DRAFT || this == ORDERED ? CANCELLED : null;
		};
	}

	/** The list filter ({@code status=draft|ordered|received|cancelled}), or a validation problem. */
	static PurchaseOrderStatus parse(String filter) {
		try {
			return valueOf(filter.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ValidationFailed.of("status", "must be one of draft, ordered, received, cancelled");
		}
	}

	private String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** A move that does not start from the order's status. */
	static final class InvalidMove extends Refusal {

		InvalidMove(String number, PurchaseOrderStatus status, Move move) {
			super("invalid-transition", HttpStatus.CONFLICT, "Cannot " + move.verb() + " this purchase order",
					"Purchase order " + number + " is " + status.word() + "; " + switch (move) {
						case ORDER -> "only a draft can be ordered.";
						case RECEIVE -> status == DRAFT ? "order it first: only an ordered purchase order can be received."
								: "only an ordered purchase order can be received.";
						case CANCEL -> "only a draft or an ordered purchase order can be cancelled.";
					});
			with("status", status);
			with("move", move.verb());
		}

	}

}
