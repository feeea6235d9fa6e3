package it.sportello.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import it.sportello.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The rate limits against the real PostgreSQL buckets, with two limiters standing for two application nodes on one
 * database. (The application's own filter is off in the shared test context, so that other tests are not limited.)
 */
@WebTest
class RateLimitTest {

	static final RateLimitProperties.Limit THREE_A_MINUTE = new RateLimitProperties.Limit(3, Duration.ofMinutes(1));

	@Autowired
	DataSource dataSource;

	@Autowired
	MessageSource messages;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void twoNodesOnOneDatabaseShareTheLimit() throws Exception {
		RateLimiter nodeA = new RateLimiter(dataSource);
		// the second node: a pool and a bucket manager of its own, on the same database
		try (com.zaxxer.hikari.HikariDataSource otherPool = new com.zaxxer.hikari.HikariDataSource()) {
			otherPool.setJdbcUrl(it.sportello.core.testsupport.TestDatabase.jdbcUrl());
			otherPool.setUsername("postgres");
			otherPool.setPassword("postgres");
			otherPool.setMaximumPoolSize(2);
			twoNodes(nodeA, new RateLimiter(otherPool));
		}
	}

	private static void twoNodes(RateLimiter nodeA, RateLimiter nodeB) {
		List<String> key = List.of("book:account:" + System.nanoTime());

		assertThat(nodeA.take(THREE_A_MINUTE, key)).isZero();
		assertThat(nodeB.take(THREE_A_MINUTE, key)).isZero();
		assertThat(nodeA.take(THREE_A_MINUTE, key)).isZero();

		assertThat(nodeB.take(THREE_A_MINUTE, key)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
		assertThat(nodeA.take(THREE_A_MINUTE, key)).isPositive();
	}

	@Test
	void lookingAtFreePlacesIsLimitedPerNodeWithoutTheDatabase() {
		// two nodes whose database cannot be reached: the read limit does not ask it
		DataSource unreachable = new org.springframework.jdbc.datasource.DriverManagerDataSource(
				"jdbc:postgresql://127.0.0.1:9/none?connectTimeout=1");
		RateLimiter nodeA = new RateLimiter(unreachable);
		RateLimiter nodeB = new RateLimiter(unreachable);
		List<String> key = List.of("search:address:" + System.nanoTime());

		for (int i = 0; i < 3; i++) {
			assertThat(nodeA.takeHere(THREE_A_MINUTE, key)).isZero();
		}

		assertThat(nodeA.takeHere(THREE_A_MINUTE, key)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
		// another node keeps buckets of its own: a read limit stops a scraper, it does not guard a place
		assertThat(nodeB.takeHere(THREE_A_MINUTE, key)).isZero();
	}

	@Test
	void aRaisedLimitAppliesToTheClientsTheOldOneHeldBack() {
		List<String> key = List.of("account:raised-" + System.nanoTime());
		RateLimiter before = new RateLimiter(dataSource);
		RateLimitProperties.Limit two = new RateLimitProperties.Limit(2, Duration.ofMinutes(10));
		before.take(two, key);
		before.take(two, key);
		assertThat(before.take(two, key)).isPositive();

		// the node restarted with booking.requests raised
		RateLimiter after = new RateLimiter(dataSource);
		assertThat(after.take(new RateLimitProperties.Limit(5, Duration.ofMinutes(10)), key)).isZero();
	}

	@Test
	void overTheLimitTheApiAnswers429WithRetryAfterInTheCallersLanguage() throws Exception {
		RateLimitFilter node = filter(new RateLimiter(dataSource), List.of());
		String address = "198.51.100." + System.nanoTime() % 200;

		int[] statuses = new int[4];
		MockHttpServletResponse last = null;
		for (int i = 0; i < 4; i++) {
			last = new MockHttpServletResponse();
			node.doFilter(apiBooking(address), last, new MockFilterChain());
			statuses[i] = last.getStatus();
		}

		assertThat(statuses).containsExactly(200, 200, 200, 429);
		assertThat(Integer.parseInt(last.getHeader("Retry-After"))).isBetween(1, 20);
		assertThat(last.getContentAsString()).contains("rateLimit.exceeded").contains("Too many requests");
	}

	@Test
	void aPageOverTheLimitIs429WithRetryAfterAndRequestsNotLimitedPass() throws Exception {
		RateLimitFilter node = filter(new RateLimiter(dataSource), List.of());
		String address = "198.51.100." + (200 + System.nanoTime() % 50);
		MockHttpServletResponse response = null;
		for (int i = 0; i < 4; i++) {
			response = new MockHttpServletResponse();
			MockHttpServletRequest confirm = new MockHttpServletRequest("POST", "/q/genova/book/3/confirm");
			confirm.setRemoteAddr(address);
			node.doFilter(confirm, response, new MockFilterChain());
		}
		MockHttpServletResponse page = new MockHttpServletResponse();
		MockHttpServletRequest office = new MockHttpServletRequest("GET", "/q/genova");
		office.setRemoteAddr(address);
		node.doFilter(office, page, new MockFilterChain());

		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getHeader("Retry-After")).isNotNull();
		assertThat(page.getStatus()).isEqualTo(200);
	}

	@Test
	void aForwardedAddressIsBelievedOnlyFromATrustedProxy() throws Exception {
		String client = "203.0.113." + System.nanoTime() % 200;
		MockHttpServletRequest direct = apiBooking("192.0.2.10");
		direct.addHeader("X-Forwarded-For", client);
		MockHttpServletRequest proxied = apiBooking("10.0.0.1");
		proxied.addHeader("X-Forwarded-For", "198.51.100.1, " + client);

		assertThat(ClientAddress.of(direct, List.of("10.0.0.1"))).isEqualTo("192.0.2.10");
		assertThat(ClientAddress.of(proxied, List.of("10.0.0.1"))).isEqualTo(client);

		// behind the proxy, each client has a bucket of its own, although all come from the proxy's address
		RateLimitFilter node = filter(new RateLimiter(dataSource), List.of("10.0.0.1"));
		for (int i = 0; i < 3; i++) {
			MockHttpServletRequest request = apiBooking("10.0.0.1");
			request.addHeader("X-Forwarded-For", client);
			node.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		}
		MockHttpServletRequest another = apiBooking("10.0.0.1");
		another.addHeader("X-Forwarded-For", "203.0.113.250");
		MockHttpServletResponse anotherResponse = new MockHttpServletResponse();
		node.doFilter(another, anotherResponse, new MockFilterChain());
		assertThat(anotherResponse.getStatus()).isEqualTo(200);
	}

	@Test
	void the429PageSpeaksThePersonsLanguage() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/error")
				.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 429).param("lang", "en")
				.accept(org.springframework.http.MediaType.TEXT_HTML))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Too many requests")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/error")
				.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 429).param("lang", "ar")
				.accept(org.springframework.http.MediaType.TEXT_HTML))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("طلبات كثيرة جدًا")));
	}

	private RateLimitFilter filter(RateLimiter limiter, List<String> trustedProxies) {
		return new RateLimitFilter(limiter, new RateLimitProperties(true, THREE_A_MINUTE, THREE_A_MINUTE, trustedProxies),
				messages);
	}

	private static MockHttpServletRequest apiBooking(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/q/genova/bookings");
		request.setRemoteAddr(address);
		request.addHeader("Accept-Language", "en");
		request.addPreferredLocale(java.util.Locale.ENGLISH);
		return request;
	}
}
