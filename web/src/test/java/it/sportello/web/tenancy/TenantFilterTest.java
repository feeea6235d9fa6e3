package it.sportello.web.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicReference;

import it.sportello.core.tenancy.CurrentTenant;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import it.sportello.web.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@WebTest
class TenantFilterTest {

	@Autowired
	TenantFilter filter;

	@Autowired
	Tenants tenants;

	@Autowired
	MockMvc mvc;

	@Test
	void theTenantIsHeldForTheRequestAndInTheLogContextThenCleared() throws Exception {
		AtomicReference<CurrentTenant> during = new AtomicReference<>();
		AtomicReference<String> logged = new AtomicReference<>();
		MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse res) {
				during.set(TenantContext.getRequired());
				logged.set(MDC.get("tenant"));
			}
		});

		filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/q/bergamo/practices"), new MockHttpServletResponse(),
				chain);

		assertThat(during.get().id().slug()).isEqualTo("bergamo");
		assertThat(logged.get()).isEqualTo("bergamo");
		assertThat(TenantContext.find()).isEmpty();
		assertThat(MDC.get("tenant")).isNull();
	}

	@Test
	void aSuspendedQuesturaIsNotFoundUntilReactivated() throws Exception {
		Tenant roma = tenants.findBySlug("roma").orElseThrow();
		roma.suspend();
		tenants.save(roma);
		try {
			mvc.perform(get("/q/roma")).andExpect(status().isNotFound());
		}
		finally {
			roma.reactivate();
			tenants.save(roma);
		}
		mvc.perform(get("/q/roma")).andExpect(status().isOk());
	}

	@Test
	void pagesOutsideAQuesturaNeedNoTenant() throws Exception {
		AtomicReference<Boolean> hadTenant = new AtomicReference<>();
		MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse res) {
				hadTenant.set(TenantContext.find().isPresent());
			}
		});

		filter.doFilter(new MockHttpServletRequest("GET", "/quick/genova"), new MockHttpServletResponse(), chain);

		assertThat(hadTenant.get()).isFalse();
	}
}
