-- Sign-in state lives in the database, so that any number of instances share it and a restart forgets nothing.

-- Spring Session JDBC, as its own schema-postgresql.sql has it (spring-session-jdbc 4.0); Backroom creates it here
-- rather than letting Spring Session initialise it (spring.session.jdbc.initialize-schema=never).
CREATE TABLE SPRING_SESSION (
	PRIMARY_ID CHAR(36) NOT NULL,
	SESSION_ID CHAR(36) NOT NULL,
	CREATION_TIME BIGINT NOT NULL,
	LAST_ACCESS_TIME BIGINT NOT NULL,
	MAX_INACTIVE_INTERVAL INT NOT NULL,
	EXPIRY_TIME BIGINT NOT NULL,
	PRINCIPAL_NAME VARCHAR(100),
	CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
	SESSION_PRIMARY_ID CHAR(36) NOT NULL,
	ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
	ATTRIBUTE_BYTES BYTEA NOT NULL,
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);

-- Failed sign-ins, counted per scope: 'pair' (one user name from one address), 'address' and 'user'.
-- A counter starts again once it expires; a refusal (blocked_until) keeps its row at least that long.
CREATE TABLE sign_in_failures (
	scope         text        NOT NULL CHECK (scope IN ('pair', 'address', 'user')),
	subject       text        NOT NULL,
	failures      integer     NOT NULL,
	last_failed_at timestamptz NOT NULL,
	blocked_until timestamptz NOT NULL,
	expires_at    timestamptz NOT NULL,
	PRIMARY KEY (scope, subject)
);

-- The cleanup deletes expired counters.
CREATE INDEX sign_in_failures_by_expiry ON sign_in_failures (expires_at);
