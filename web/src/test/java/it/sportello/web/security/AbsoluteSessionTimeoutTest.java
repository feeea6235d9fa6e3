package it.sportello.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class AbsoluteSessionTimeoutTest {

	@Test
	void aSessionOlderThanTheLimitEndsHoweverActiveItWas() throws Exception {
		MockHttpSession session = new MockHttpSession();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/me");
		request.setSession(session);

		new AbsoluteSessionTimeout(Duration.ofMillis(-1)).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void aYoungerSessionGoesOn() throws Exception {
		MockHttpSession session = new MockHttpSession();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/me");
		request.setSession(session);

		new AbsoluteSessionTimeout(Duration.ofHours(8)).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

		assertThat(session.isInvalid()).isFalse();
	}
}
