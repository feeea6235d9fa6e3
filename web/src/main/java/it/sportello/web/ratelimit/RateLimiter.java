package it.sportello.web.ratelimit;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Token buckets kept in PostgreSQL ({@code platform.rate_limit_bucket}), so that every node of the application draws
 * from the same ones: a limit holds however many nodes a client spreads its requests over.
 */
class RateLimiter {

	private final ProxyManager<String> buckets;

	public RateLimiter(DataSource dataSource) {
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
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
			.build();
		long waitNanos = 0;
		String setting = limit.requests() + "/" + limit.per().toSeconds() + "s:";
		for (String key : keys) {
			ConsumptionProbe probe = buckets.builder()
				.build(setting + key, () -> configuration)
				.tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				waitNanos = Math.max(waitNanos, probe.getNanosToWaitForRefill());
			}
		}
		return Duration.ofNanos(waitNanos);
	}
}
