package it.sportello.web.ratelimit;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Token buckets. Those of booking are kept in PostgreSQL ({@code platform.rate_limit_bucket}), so that every node of
 * the application draws from the same ones: a limit holds however many nodes a client spreads its requests over.
 * Those of looking at free places are kept in this node's memory ({@link #takeHere}): a read limit is there to stop a
 * scraper, not to guard a scarce place, and a shared bucket would cost two database transactions on every calendar
 * view of a release crowd; behind N nodes a client may read at most N times the limit.
 */
class RateLimiter {

	private final ProxyManager<String> buckets;

	private final Cache<String, Bucket> here = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(10))
		.maximumSize(50_000)
		.build();

	private final AutoCloseable owned;

	public RateLimiter(DataSource dataSource) {
		this(dataSource, null);
	}

	/** On a pool of its own, closed with the limiter. */
	RateLimiter(DataSource dataSource, AutoCloseable owned) {
		this.owned = owned;
		this.buckets = new Bucket4jPostgreSQL.PostgreSQLSelectForUpdateBasedProxyManagerBuilder<>(dataSource,
				PrimaryKeyMapper.STRING)
			.table("platform.rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	/**
	 * Takes one request from each of the keys' buckets. Returns zero when every bucket had one, else how long to wait
	 * before asking again (the request then counts against none it was refused by). A bucket belongs to its limit as
	 * well as to its key: a changed setting (after a restart with new properties) takes fresh buckets at the next
	 * request, so a raised limit frees the clients the old one held back, and the old rows expire.
	 */
	public Duration take(RateLimitProperties.Limit limit, List<String> keys) {
		BucketConfiguration configuration = configuration(limit);
		long waitNanos = 0;
		for (String key : keys) {
			ConsumptionProbe probe = buckets.builder()
				.build(setting(limit) + key, () -> configuration)
				.tryConsumeAndReturnRemaining(1);
			waitNanos = Math.max(waitNanos, wait(probe));
		}
		return Duration.ofNanos(waitNanos);
	}

	/** Closes the pool the limiter was given to own, if any. */
	public void close() throws Exception {
		if (owned != null) {
			owned.close();
		}
	}

	/** As {@link #take}, from this node's own buckets. */
	public Duration takeHere(RateLimitProperties.Limit limit, List<String> keys) {
		long waitNanos = 0;
		for (String key : keys) {
			Bucket bucket = here.get(setting(limit) + key,
					k -> Bucket.builder().addLimit(configuration(limit).getBandwidths()[0]).build());
			waitNanos = Math.max(waitNanos, wait(bucket.tryConsumeAndReturnRemaining(1)));
		}
		return Duration.ofNanos(waitNanos);
	}

	private static BucketConfiguration configuration(RateLimitProperties.Limit limit) {
		return BucketConfiguration.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
			.build();
	}

	private static String setting(RateLimitProperties.Limit limit) {
		return limit.requests() + "/" + limit.per().toSeconds() + "s:";
	}

	private static long wait(ConsumptionProbe probe) {
		return probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
	}
}
