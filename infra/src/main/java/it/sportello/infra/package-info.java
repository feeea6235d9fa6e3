/** Adapters to the outside world: the embedded PostgreSQL used when no database is configured, mail, Keycloak. */
package it.sportello.infra;
