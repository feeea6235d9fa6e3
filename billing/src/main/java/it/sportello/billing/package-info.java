/**
 * The plans that set an association's booking quota and the Stripe subscriptions that pay for them: Checkout, the
 * customer portal, invoices, and the webhook that keeps each association's entitlement as Stripe says it is. The
 * associations themselves and the quota live in platform-core, where bookings are made.
 */
package it.sportello.billing;
