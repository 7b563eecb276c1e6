-- One database per subgraph service on the compose PostgreSQL server. The postgres image runs this
-- once, as POSTGRES_USER, when the container starts on an empty data volume (it is mounted into
-- /docker-entrypoint-initdb.d). The tables come from each service's migrate-<service> job, never from here.
CREATE DATABASE nets_survey;
CREATE DATABASE nets_provider_assessment;
CREATE DATABASE nets_response;
CREATE DATABASE nets_analytics;
CREATE DATABASE nets_concerns;
