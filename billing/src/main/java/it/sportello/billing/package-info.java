/**
 * Associations, their accreditation, the plans that set their booking quota, and the Stripe subscriptions that pay
 * for them. The capability arrives with the associations issue; the module exists so that the dependency rules of
 * the build already hold for it.
 */
package it.sportello.billing;
