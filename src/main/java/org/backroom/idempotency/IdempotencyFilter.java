package org.backroom.idempotency;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backroom.staff.StaffPrincipal;
import org.backroom.web.Refusal;
import org.backroom.web.TryAgain;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Runs every mutating API request (and a page's POST that carries an idempotency key, such as the till's) in one
 * database transaction, from before the controller until its answer is complete:
 * <ul>
 * <li>An answer of 400 or more rolls the transaction back: a request refused at any point, even after a service
 * wrote (a 406 found only when the answer is written), leaves nothing behind.</li>
 * <li>A deadlock or serialization failure rolls back everything the request did, so the request can run again from
 * the start in a fresh transaction: idempotent by construction. {@link IdempotencySettings#attempts()} in all, with
 * jittered backoff; then {@code 503 try-again} with {@code Retry-After}.</li>
 * <li>An {@code Idempotency-Key} is claimed first thing in that transaction and its answer stored in it just before
 * commit. So the key row commits if and only if the change commits, with no crash window between the two, and the
 * client sees the answer only after both are durable. A second request with the key waits on the first's claim
 * (PostgreSQL's unique index makes it wait); a claim whose request died is rolled back with it and free at once.</li>
 * </ul>
 * Only answers below 400 are stored and replayed: anything else changed nothing, so a retry may as well run again.
 * Ordered after Spring Security's filters, so that the signed-in user, whose keys these are, is known.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final PlatformTransactionManager transactions;

	private final IdempotencyKeys keys;

	private final IdempotencySettings settings;

	private final Attempts attempts;

	IdempotencyFilter(PlatformTransactionManager transactions, IdempotencyKeys keys, IdempotencySettings settings) {
		this.transactions = transactions;
		this.keys = keys;
		this.settings = settings;
		this.attempts = new Attempts(settings);
	}

	/** The claimed key of a request: whose, which, and what request it stands for. */
	private record Claim(long staffId, String key, byte[] hash) {
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!MUTATING.contains(request.getMethod())) {
			return true;
		}
		return !request.getServletPath().startsWith("/api/") && request.getHeader(HEADER) == null
				&& request.getParameter(RepeatableRequest.KEY_FIELD) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RepeatableRequest repeatable = RepeatableRequest.of(request);
		String key = repeatable.idempotencyKey();
		if (key != null && !wellFormed(key)) {
			IdempotentAnswers.refuse(response, new MalformedKey());
			return;
		}
		Optional<StaffPrincipal> me = StaffPrincipal.current();
		Claim claim = key == null || me.isEmpty() ? null : new Claim(me.get().id(), key, repeatable.hash());
		Attempts.Reset reset = attempts.resetFor(repeatable, response);
		for (int attempt = 1;; attempt++) {
			if (once(repeatable, response, chain, claim, attempt == settings.attempts())) {
				return;
			}
			reset.run();
			attempts.pause(attempt);
		}
	}

	/** One attempt, in a transaction of its own; false when it was rolled back by contention and may run again. */
	private boolean once(RepeatableRequest request, HttpServletResponse response, FilterChain chain,
			@Nullable Claim claim, boolean last) throws ServletException, IOException {
		TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		try {
			if (claim != null && replayed(claim, transaction, response)) {
				return true;
			}
			return ran(request, answer, chain, transaction, claim, last);
		}
		catch (Refusal refusal) {
			rollback(transaction);
			IdempotentAnswers.refuse(response, refusal);
			return true;
		}
		catch (RuntimeException | IOException | ServletException ex) {
			rollback(transaction);
			if (!TryAgain.isTransient(ex)) {
				throw ex;
			}
			if (last) {
				IdempotentAnswers.tryAgain(response);
			}
			return last;
		}
	}

	/** Runs the request and commits its answer; false when it asked for another try and was rolled back. */
	private boolean ran(RepeatableRequest request, ContentCachingResponseWrapper answer, FilterChain chain,
			TransactionStatus transaction, @Nullable Claim claim, boolean last) throws ServletException, IOException {
		chain.doFilter(request, answer);
		if (TryAgain.marked(request) && !last) {
			transactions.rollback(transaction);
			return false;
		}
		finish(transaction, answer, claim);
		answer.copyBodyToResponse();
		return true;
	}

	/** Claims the key; when it was used before, answers with the stored answer (or a refusal) and says so. */
	private boolean replayed(Claim claim, TransactionStatus transaction, HttpServletResponse response)
			throws IOException {
		Optional<IdempotencyKeys.Used> used = keys.claim(claim.staffId(), claim.key(), claim.hash(),
				settings.inProgressWait());
		if (used.isEmpty()) {
			return false;
		}
		transactions.rollback(transaction);
		IdempotentAnswers.replay(used.get(), claim.hash(), response);
		return true;
	}

	/** Commits what an answer below 400 did, with the answer stored for its key; rolls back anything else. */
	private void finish(TransactionStatus transaction, ContentCachingResponseWrapper answer, @Nullable Claim claim) {
		if (answer.getStatus() >= 400 || transaction.isRollbackOnly()) {
			transactions.rollback(transaction);
			return;
		}
		if (claim != null) {
			keys.answer(claim.staffId(), claim.key(), StoredAnswer.of(answer));
		}
		transactions.commit(transaction);
	}

	private void rollback(TransactionStatus transaction) {
		if (!transaction.isCompleted()) {
			transactions.rollback(transaction);
		}
	}

	/** 1 to 255 printable ASCII characters. */
	static boolean wellFormed(String key) {
		return !key.isEmpty() && key.length() <= 255 && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
	}

}
