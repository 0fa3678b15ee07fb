-- New posts and sightings take their ids from sequences in blocks of 50 (Hibernate's pooled optimizer), so a read's
-- rows are inserted as JDBC batches. The identity columns stay; each sequence starts past the rows already there.
CREATE SEQUENCE watch_post_seq INCREMENT BY 50;
SELECT setval('watch_post_seq', (SELECT COALESCE(MAX(id), 0) + 50 FROM watch_post), false);
CREATE SEQUENCE sighting_seq INCREMENT BY 50;
SELECT setval('sighting_seq', (SELECT COALESCE(MAX(id), 0) + 50 FROM sighting), false);
