/** The Questura lifecycle (onboarding, suspension) and the office back-office services. */
package it.sportello.admin;
