package org.backroom.erasure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.backroom.audit.AuditTrail;
import org.backroom.bulk.BulkProposals;
import org.backroom.platform.Sql;
import org.backroom.settings.RetentionSettings;
import org.backroom.settings.SettingsService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention review: proposes, never acts. Dormant customers are proposed for deactivation as the bulk flow's
 * own preview (started, and approved where the store wants it, like any bulk job); inactive customers with no sale
 * for the policy's years are listed for erasure, each with whether it may be erased now, to be erased one by one.
 */
@Service
class RetentionReview {

	private static final Logger log = LoggerFactory.getLogger(RetentionReview.class);

	private static final int MAX_PROPOSED = 1000;

	// The last sale through the customer's order index, one probe per inactive customer.
	private static final String ERASABLE = """
			SELECT c.id, c.code, c.status_changed_at, last.at AS last_sale_at, c.balance, c.legal_hold_reason
			FROM customers c
			LEFT JOIN LATERAL (SELECT o.created_at AS at FROM sales_orders o WHERE o.customer_id = c.id
			                   ORDER BY o.created_at DESC, o.id DESC LIMIT 1) last ON true
			WHERE c.status = 'INACTIVE' AND NOT c.is_system AND coalesce(last.at, c.created_at) < ?
			ORDER BY c.id LIMIT ?""";

	private final SettingsService settings;

	private final BulkProposals bulk;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	RetentionReview(SettingsService settings, BulkProposals bulk, JdbcClient jdbc, AuditTrail audit) {
		this.settings = settings;
		this.bulk = bulk;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** What the review proposes: a bulk preview to start, and customers to erase. */
	record Review(RetentionSettings policy, @Nullable LocalDate dormantSince, @Nullable Object deactivation,
			@Nullable LocalDate noSaleSince, List<Candidate> erasure) {
	}

	/** An inactive customer proposed for erasure; {@code blocked} says why it cannot be erased now. */
	record Candidate(long id, String code, @Nullable Instant lastSaleAt, @Nullable Instant inactiveSince,
			@Nullable String blocked) {
	}

	@PreAuthorize("@permissions.require('privacy.erase') and @permissions.require('bulk.run')")
	@Transactional
	Review run() {
		RetentionSettings policy = settings.retention();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate dormantSince = policy.deactivateAfterMonthsWithoutSale() == null ? null
				: today.minusMonths(policy.deactivateAfterMonthsWithoutSale());
		LocalDate noSaleSince = policy.eraseAfterYearsInactive() == null ? null
				: today.minusYears(policy.eraseAfterYearsInactive());
		Review review = new Review(policy, dormantSince,
				dormantSince == null ? null : bulk.deactivateDormantCustomers(dormantSince), noSaleSince,
				noSaleSince == null ? List.of() : candidates(noSaleSince));
		audit.record("privacy.retention-review", null, null, null, Map.of("dormantSince", String.valueOf(dormantSince),
				"proposedForErasure", review.erasure().size()));
		return review;
	}

	/** Every night: the same proposals, logged and audited, for someone to open and act on. Off by default. */
	@Scheduled(cron = "${backroom.privacy.retention-cron:0 50 3 * * *}")
	@Transactional
	public void scheduled() {
		RetentionSettings policy = settings.retention();
		if (policy.off()) {
			return;
		}
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		int erasable = policy.eraseAfterYearsInactive() == null ? 0
				: candidates(today.minusYears(policy.eraseAfterYearsInactive())).size();
		long dormant = policy.deactivateAfterMonthsWithoutSale() == null ? 0 : jdbc.sql("""
				SELECT count(*) FROM customers c WHERE c.status = 'ACTIVE' AND NOT c.is_system
				AND NOT EXISTS (SELECT 1 FROM sales_orders o WHERE o.customer_id = c.id AND o.created_at >= ?)""")
			.param(today.minusMonths(policy.deactivateAfterMonthsWithoutSale()).atStartOfDay(ZoneOffset.UTC)
				.toOffsetDateTime())
			.query(Long.class).single();
		audit.record("privacy.retention-review", null, null, "scheduled",
				Map.of("proposedForDeactivation", dormant, "proposedForErasure", erasable));
		log.info("Retention review: {} customer(s) proposed for deactivation, {} for erasure; run the review "
				+ "(POST /api/privacy/retention-review) to see and start them", dormant, erasable);
	}

	private List<Candidate> candidates(LocalDate noSaleSince) {
		return jdbc.sql(ERASABLE)
			.params(noSaleSince.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime(), MAX_PROPOSED)
			.query((rs, row) -> new Candidate(rs.getLong("id"), rs.getString("code"), Sql.instant(rs, "last_sale_at"),
					Sql.instant(rs, "status_changed_at"), rs.getString("legal_hold_reason") != null ? "legal-hold"
							: rs.getBigDecimal("balance").signum() != 0 ? "open-balance" : null))
			.list();
	}

}
