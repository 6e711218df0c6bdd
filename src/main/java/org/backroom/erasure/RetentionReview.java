package org.backroom.erasure;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backroom.audit.AuditTrail;
import org.backroom.audit.SystemActor;
import org.backroom.bulk.BulkProposals;
import org.backroom.bulk.BulkProposals.Proposal;
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
 * The retention review: proposes, never acts. It builds two bulk jobs and leaves them {@code PROPOSED}: deactivating
 * the customers with no sale for the policy's months, and erasing the inactive ones with no sale for its years,
 * each record with the outcome a job would give it now (a legal hold, a balance: skipped, with why). A person starts
 * one (then it runs, or waits for approval, like any bulk job) or discards it; a newer review replaces the
 * proposals still waiting. The jobs are proposed by {@code system:retention-review}, in the audit trail too.
 */
@Service
class RetentionReview {

	static final String TASK = "retention-review";

	private static final Logger log = LoggerFactory.getLogger(RetentionReview.class);

	private static final int MAX_PROPOSED = 1000;

	// One review at a time across instances: each then sees, and replaces, the proposals of the one before.
	private static final long REVIEW_LOCK = 7012;

	// The last sale through the customer's order index, one probe per inactive customer.
	private static final String ERASABLE = """
			SELECT c.id FROM customers c
			WHERE c.status = 'INACTIVE' AND NOT c.is_system
			  AND coalesce((SELECT o.created_at FROM sales_orders o WHERE o.customer_id = c.id
			                ORDER BY o.created_at DESC, o.id DESC LIMIT 1), c.created_at) < ?
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

	/** What the review proposed: a job for each rule that is on and found someone, to start or discard. */
	record Review(RetentionSettings policy, @Nullable LocalDate dormantSince, @Nullable Proposal deactivation,
			@Nullable LocalDate noSaleSince, @Nullable Proposal erasure) {
	}

	/** The review now, at someone's request: the same proposals as the nightly one. */
	@PreAuthorize("@permissions.require('privacy.erase') and @permissions.require('bulk.run')")
	@Transactional
	Review run() {
		return review("run on request");
	}

	/** Every night (when a rule is on): the proposals, logged and audited, for someone to start or discard. */
	@Scheduled(cron = "${backroom.privacy.retention-cron:0 50 3 * * *}")
	@Transactional
	public void scheduled() {
		if (settings.retention().off()) {
			return;
		}
		Review review = SystemActor.run(TASK, () -> review("scheduled"));
		log.info("Retention review: proposed {} and {}; start or discard them on their pages",
				describe("deactivation", review.deactivation()), describe("erasure", review.erasure()));
	}

	private Review review(String how) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)::text").param(REVIEW_LOCK).query(String.class).single();
		RetentionSettings policy = settings.retention();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate dormantSince = policy.deactivateAfterMonthsWithoutSale() == null ? null
				: today.minusMonths(policy.deactivateAfterMonthsWithoutSale());
		LocalDate noSaleSince = policy.eraseAfterYearsInactive() == null ? null
				: today.minusYears(policy.eraseAfterYearsInactive());
		String proposer = SystemActor.named(TASK);
		Review review = SystemActor.run(TASK, () -> new Review(policy, dormantSince,
				dormantSince == null ? null : bulk.deactivateDormantCustomers(dormantSince,
						"Retention review: no sale since " + dormantSince, TASK + ".deactivate", proposer).orElse(null),
				noSaleSince,
				noSaleSince == null ? null : bulk.eraseCustomers(candidates(noSaleSince),
						"Retention review: inactive, no sale since " + noSaleSince, TASK + ".erase", proposer)
					.orElse(null)));
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("dormantSince", String.valueOf(dormantSince));
		facts.put("deactivationJob", review.deactivation() == null ? null : review.deactivation().id());
		facts.put("noSaleSince", String.valueOf(noSaleSince));
		facts.put("erasureJob", review.erasure() == null ? null : review.erasure().id());
		audit.record("privacy.retention-review", null, null, how, facts);
		return review;
	}

	private List<Long> candidates(LocalDate noSaleSince) {
		return jdbc.sql(ERASABLE)
			.params(noSaleSince.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime(), MAX_PROPOSED)
			.query(Long.class)
			.list();
	}

	private static String describe(String what, @Nullable Proposal proposal) {
		return proposal == null ? "no " + what
				: "the " + what + " of " + proposal.toProcess() + " customer(s) (" + proposal.skipped() + " skipped) at "
						+ proposal.page();
	}

}
