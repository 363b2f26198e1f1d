BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0002');
CREATE TABLE audiences (
	entity VARCHAR(16) NOT NULL, 
	record_id CHAR(32) NOT NULL, 
	group_id CHAR(32) NOT NULL, 
	CONSTRAINT pk_audiences PRIMARY KEY (entity, record_id, group_id), 
	CONSTRAINT fk_audiences_group_id_groups FOREIGN KEY(group_id) REFERENCES groups (id)
);
CREATE TABLE change_log (
	seq INTEGER NOT NULL, 
	entity VARCHAR(16) NOT NULL, 
	record_id CHAR(32) NOT NULL, 
	field VARCHAR(64) NOT NULL, 
	value JSON NOT NULL, 
	stamp VARCHAR(64) NOT NULL, 
	origin VARCHAR(64) NOT NULL, 
	applied BOOLEAN NOT NULL, 
	CONSTRAINT pk_change_log PRIMARY KEY (seq)
);
INSERT INTO "change_log" VALUES(1,'people','bdf3b765b6c44cf683950089413dd1ee','display_name','"Sam Carter"','001795318115839-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(2,'people','bdf3b765b6c44cf683950089413dd1ee','email','null','001795318115839-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(3,'people','bdf3b765b6c44cf683950089413dd1ee','phone','null','001795318115839-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(4,'people','bdf3b765b6c44cf683950089413dd1ee','member_id','null','001795318115839-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(5,'people','bdf3b765b6c44cf683950089413dd1ee','notes','null','001795318115839-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(6,'people','bdf3b765b6c44cf683950089413dd1ee','deleted','false','001795318115839-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(7,'people','ad00713fcf004ba99f7d3f63943d8b81','display_name','"Anna Berg"','001795318115839-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(8,'people','ad00713fcf004ba99f7d3f63943d8b81','email','"anna@example.org"','001795318115839-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(9,'people','ad00713fcf004ba99f7d3f63943d8b81','phone','null','001795318115839-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(10,'people','ad00713fcf004ba99f7d3f63943d8b81','member_id','null','001795318115839-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(11,'people','ad00713fcf004ba99f7d3f63943d8b81','notes','null','001795318115839-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(12,'people','ad00713fcf004ba99f7d3f63943d8b81','deleted','false','001795318115839-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(13,'trust','3ad77523e6855afe8e34b828b5b88b2f','truster_id','"bdf3b765-b6c4-4cf6-8395-0089413dd1ee"','001795318115843-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(14,'trust','3ad77523e6855afe8e34b828b5b88b2f','trustee_id','"ad00713f-cf00-4ba9-9f7d-3f63943d8b81"','001795318115843-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(15,'trust','3ad77523e6855afe8e34b828b5b88b2f','category','null','001795318115843-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(16,'trust','3ad77523e6855afe8e34b828b5b88b2f','level',0.9,'001795318115843-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(17,'trust','3ad77523e6855afe8e34b828b5b88b2f','deleted','false','001795318115843-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(18,'trust','d5cc8a75291d5e0495bc42a81de7d529','truster_id','"bdf3b765-b6c4-4cf6-8395-0089413dd1ee"','001795318115862-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(19,'trust','d5cc8a75291d5e0495bc42a81de7d529','trustee_id','"ad00713f-cf00-4ba9-9f7d-3f63943d8b81"','001795318115862-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(20,'trust','d5cc8a75291d5e0495bc42a81de7d529','category','"pediatrician"','001795318115862-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(21,'trust','d5cc8a75291d5e0495bc42a81de7d529','level',1,'001795318115862-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(22,'trust','d5cc8a75291d5e0495bc42a81de7d529','deleted','false','001795318115862-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(23,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','name','"Dr. Lee"','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(24,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','category','"pediatrician"','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(25,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','address','"1 Elm Street"','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(26,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','lat',51.45,'001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(27,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','lon',-2.59,'001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(28,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','service_area','null','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(29,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','service_radius_km','null','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(30,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','phone','null','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(31,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','email','null','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(32,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','website','null','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(33,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','opening_hours','null','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(34,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','notes','null','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(35,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','source','"manual"','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(36,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','source_id','null','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(37,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','attribution','null','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(38,'vendors','dd19bc50af8a4bc4917230dabf9ac8bd','deleted','false','001795318115862-000001-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(39,'vendors','60cff1a754c14561bf6fbefcfa742a3d','name','"Happy Paws"','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(40,'vendors','60cff1a754c14561bf6fbefcfa742a3d','category','"dog_walker"','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(41,'vendors','60cff1a754c14561bf6fbefcfa742a3d','address','null','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(42,'vendors','60cff1a754c14561bf6fbefcfa742a3d','lat','null','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(43,'vendors','60cff1a754c14561bf6fbefcfa742a3d','lon','null','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(44,'vendors','60cff1a754c14561bf6fbefcfa742a3d','service_area','"Northfield"','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(45,'vendors','60cff1a754c14561bf6fbefcfa742a3d','service_radius_km','null','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(46,'vendors','60cff1a754c14561bf6fbefcfa742a3d','phone','null','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(47,'vendors','60cff1a754c14561bf6fbefcfa742a3d','email','null','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(48,'vendors','60cff1a754c14561bf6fbefcfa742a3d','website','null','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(49,'vendors','60cff1a754c14561bf6fbefcfa742a3d','opening_hours','null','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(50,'vendors','60cff1a754c14561bf6fbefcfa742a3d','notes','null','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(51,'vendors','60cff1a754c14561bf6fbefcfa742a3d','source','"manual"','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(52,'vendors','60cff1a754c14561bf6fbefcfa742a3d','source_id','null','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(53,'vendors','60cff1a754c14561bf6fbefcfa742a3d','attribution','null','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(54,'vendors','60cff1a754c14561bf6fbefcfa742a3d','deleted','false','001795318115862-000002-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(55,'reviews','ad7ac7952b615b7eb0ace31f8a50c09e','vendor_id','"dd19bc50-af8a-4bc4-9172-30dabf9ac8bd"','001795318115876-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(56,'reviews','ad7ac7952b615b7eb0ace31f8a50c09e','author_id','"bdf3b765-b6c4-4cf6-8395-0089413dd1ee"','001795318115876-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(57,'reviews','ad7ac7952b615b7eb0ace31f8a50c09e','recorded_by_id','"bdf3b765-b6c4-4cf6-8395-0089413dd1ee"','001795318115876-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(58,'reviews','ad7ac7952b615b7eb0ace31f8a50c09e','rating',5,'001795318115876-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(59,'reviews','ad7ac7952b615b7eb0ace31f8a50c09e','text','"Great with kids"','001795318115876-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(60,'reviews','ad7ac7952b615b7eb0ace31f8a50c09e','visited_on','null','001795318115876-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(61,'reviews','ad7ac7952b615b7eb0ace31f8a50c09e','reviewed_on','"2026-11-01"','001795318115876-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(62,'reviews','ad7ac7952b615b7eb0ace31f8a50c09e','tags','[]','001795318115876-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(63,'reviews','ad7ac7952b615b7eb0ace31f8a50c09e','deleted','false','001795318115876-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(64,'reviews','3e85c4b19a245b1aa846bfff28a37196','vendor_id','"dd19bc50-af8a-4bc4-9172-30dabf9ac8bd"','001795318115878-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(65,'reviews','3e85c4b19a245b1aa846bfff28a37196','author_id','"ad00713f-cf00-4ba9-9f7d-3f63943d8b81"','001795318115878-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(66,'reviews','3e85c4b19a245b1aa846bfff28a37196','recorded_by_id','"bdf3b765-b6c4-4cf6-8395-0089413dd1ee"','001795318115878-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(67,'reviews','3e85c4b19a245b1aa846bfff28a37196','rating',4,'001795318115878-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(68,'reviews','3e85c4b19a245b1aa846bfff28a37196','text','null','001795318115878-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(69,'reviews','3e85c4b19a245b1aa846bfff28a37196','visited_on','null','001795318115878-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(70,'reviews','3e85c4b19a245b1aa846bfff28a37196','reviewed_on','"2026-11-01"','001795318115878-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(71,'reviews','3e85c4b19a245b1aa846bfff28a37196','tags','[]','001795318115878-000000-65f4ca7b985bd987','local',1);
INSERT INTO "change_log" VALUES(72,'reviews','3e85c4b19a245b1aa846bfff28a37196','deleted','false','001795318115878-000000-65f4ca7b985bd987','local',1);
CREATE TABLE field_versions (
	entity VARCHAR(16) NOT NULL, 
	record_id CHAR(32) NOT NULL, 
	field VARCHAR(64) NOT NULL, 
	stamp VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_field_versions PRIMARY KEY (entity, record_id, field)
);
INSERT INTO "field_versions" VALUES('people','bdf3b765b6c44cf683950089413dd1ee','display_name','001795318115839-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('people','bdf3b765b6c44cf683950089413dd1ee','email','001795318115839-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('people','bdf3b765b6c44cf683950089413dd1ee','phone','001795318115839-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('people','bdf3b765b6c44cf683950089413dd1ee','member_id','001795318115839-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('people','bdf3b765b6c44cf683950089413dd1ee','notes','001795318115839-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('people','bdf3b765b6c44cf683950089413dd1ee','deleted','001795318115839-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('people','ad00713fcf004ba99f7d3f63943d8b81','display_name','001795318115839-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('people','ad00713fcf004ba99f7d3f63943d8b81','email','001795318115839-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('people','ad00713fcf004ba99f7d3f63943d8b81','phone','001795318115839-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('people','ad00713fcf004ba99f7d3f63943d8b81','member_id','001795318115839-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('people','ad00713fcf004ba99f7d3f63943d8b81','notes','001795318115839-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('people','ad00713fcf004ba99f7d3f63943d8b81','deleted','001795318115839-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('trust','3ad77523e6855afe8e34b828b5b88b2f','truster_id','001795318115843-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('trust','3ad77523e6855afe8e34b828b5b88b2f','trustee_id','001795318115843-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('trust','3ad77523e6855afe8e34b828b5b88b2f','category','001795318115843-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('trust','3ad77523e6855afe8e34b828b5b88b2f','level','001795318115843-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('trust','3ad77523e6855afe8e34b828b5b88b2f','deleted','001795318115843-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('trust','d5cc8a75291d5e0495bc42a81de7d529','truster_id','001795318115862-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('trust','d5cc8a75291d5e0495bc42a81de7d529','trustee_id','001795318115862-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('trust','d5cc8a75291d5e0495bc42a81de7d529','category','001795318115862-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('trust','d5cc8a75291d5e0495bc42a81de7d529','level','001795318115862-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('trust','d5cc8a75291d5e0495bc42a81de7d529','deleted','001795318115862-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','name','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','category','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','address','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','lat','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','lon','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','service_area','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','service_radius_km','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','phone','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','email','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','website','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','opening_hours','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','notes','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','source','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','source_id','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','attribution','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','dd19bc50af8a4bc4917230dabf9ac8bd','deleted','001795318115862-000001-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','name','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','category','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','address','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','lat','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','lon','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','service_area','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','service_radius_km','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','phone','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','email','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','website','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','opening_hours','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','notes','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','source','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','source_id','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','attribution','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('vendors','60cff1a754c14561bf6fbefcfa742a3d','deleted','001795318115862-000002-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','ad7ac7952b615b7eb0ace31f8a50c09e','vendor_id','001795318115876-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','ad7ac7952b615b7eb0ace31f8a50c09e','author_id','001795318115876-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','ad7ac7952b615b7eb0ace31f8a50c09e','recorded_by_id','001795318115876-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','ad7ac7952b615b7eb0ace31f8a50c09e','rating','001795318115876-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','ad7ac7952b615b7eb0ace31f8a50c09e','text','001795318115876-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','ad7ac7952b615b7eb0ace31f8a50c09e','visited_on','001795318115876-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','ad7ac7952b615b7eb0ace31f8a50c09e','reviewed_on','001795318115876-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','ad7ac7952b615b7eb0ace31f8a50c09e','tags','001795318115876-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','ad7ac7952b615b7eb0ace31f8a50c09e','deleted','001795318115876-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','3e85c4b19a245b1aa846bfff28a37196','vendor_id','001795318115878-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','3e85c4b19a245b1aa846bfff28a37196','author_id','001795318115878-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','3e85c4b19a245b1aa846bfff28a37196','recorded_by_id','001795318115878-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','3e85c4b19a245b1aa846bfff28a37196','rating','001795318115878-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','3e85c4b19a245b1aa846bfff28a37196','text','001795318115878-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','3e85c4b19a245b1aa846bfff28a37196','visited_on','001795318115878-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','3e85c4b19a245b1aa846bfff28a37196','reviewed_on','001795318115878-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','3e85c4b19a245b1aa846bfff28a37196','tags','001795318115878-000000-65f4ca7b985bd987');
INSERT INTO "field_versions" VALUES('reviews','3e85c4b19a245b1aa846bfff28a37196','deleted','001795318115878-000000-65f4ca7b985bd987');
CREATE TABLE geocode_cache (
	"query" VARCHAR(300) NOT NULL, 
	lat FLOAT, 
	lon FLOAT, 
	label VARCHAR(500), 
	fetched_at DATETIME NOT NULL, 
	CONSTRAINT pk_geocode_cache PRIMARY KEY ("query"), 
	CONSTRAINT ck_geocode_cache_lat_lon_together CHECK ((lat IS NULL) = (lon IS NULL)), 
	CONSTRAINT ck_geocode_cache_lat_range CHECK (lat IS NULL OR (lat >= -90 AND lat <= 90)), 
	CONSTRAINT ck_geocode_cache_lon_range CHECK (lon IS NULL OR (lon >= -180 AND lon <= 180))
);
CREATE TABLE groups (
	id CHAR(32) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	server_url VARCHAR(500), 
	CONSTRAINT pk_groups PRIMARY KEY (id)
);
CREATE TABLE local_meta (
	"key" VARCHAR(64) NOT NULL, 
	value TEXT NOT NULL, 
	CONSTRAINT pk_local_meta PRIMARY KEY ("key")
);
INSERT INTO "local_meta" VALUES('device_id','65f4ca7b985bd987');
INSERT INTO "local_meta" VALUES('hlc_last','001795318115878-000000-65f4ca7b985bd987');
CREATE TABLE outbox (
	change_seq INTEGER NOT NULL, 
	group_id CHAR(32) NOT NULL, 
	CONSTRAINT pk_outbox PRIMARY KEY (change_seq, group_id), 
	CONSTRAINT fk_outbox_change_seq_change_log FOREIGN KEY(change_seq) REFERENCES change_log (seq), 
	CONSTRAINT fk_outbox_group_id_groups FOREIGN KEY(group_id) REFERENCES groups (id)
);
CREATE TABLE people (
	id CHAR(32) NOT NULL, 
	display_name VARCHAR(200) NOT NULL, 
	email VARCHAR(254), 
	phone VARCHAR(40), 
	is_me BOOLEAN NOT NULL, 
	member_id VARCHAR(64), 
	notes TEXT, 
	deleted BOOLEAN NOT NULL, 
	CONSTRAINT pk_people PRIMARY KEY (id)
);
INSERT INTO "people" VALUES('bdf3b765b6c44cf683950089413dd1ee','Sam Carter',NULL,NULL,1,NULL,NULL,0);
INSERT INTO "people" VALUES('ad00713fcf004ba99f7d3f63943d8b81','Anna Berg','anna@example.org',NULL,0,NULL,NULL,0);
CREATE TABLE reviews (
	id CHAR(32) NOT NULL, 
	vendor_id CHAR(32) NOT NULL, 
	author_id CHAR(32) NOT NULL, 
	recorded_by_id CHAR(32) NOT NULL, 
	rating INTEGER NOT NULL, 
	text TEXT, 
	visited_on DATE, 
	reviewed_on DATE NOT NULL, 
	tags JSON NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	CONSTRAINT pk_reviews PRIMARY KEY (id), 
	CONSTRAINT ck_reviews_rating_range CHECK (rating >= 1 AND rating <= 5), 
	CONSTRAINT fk_reviews_author_id_people FOREIGN KEY(author_id) REFERENCES people (id), 
	CONSTRAINT fk_reviews_recorded_by_id_people FOREIGN KEY(recorded_by_id) REFERENCES people (id), 
	CONSTRAINT fk_reviews_vendor_id_vendors FOREIGN KEY(vendor_id) REFERENCES vendors (id), 
	CONSTRAINT uq_reviews_author_id UNIQUE (author_id, vendor_id)
);
INSERT INTO "reviews" VALUES('ad7ac7952b615b7eb0ace31f8a50c09e','dd19bc50af8a4bc4917230dabf9ac8bd','bdf3b765b6c44cf683950089413dd1ee','bdf3b765b6c44cf683950089413dd1ee',5,'Great with kids',NULL,'2026-11-01','[]',0);
INSERT INTO "reviews" VALUES('3e85c4b19a245b1aa846bfff28a37196','dd19bc50af8a4bc4917230dabf9ac8bd','ad00713fcf004ba99f7d3f63943d8b81','bdf3b765b6c44cf683950089413dd1ee',4,NULL,NULL,'2026-11-01','[]',0);
CREATE TABLE sync_cursors (
	group_id CHAR(32) NOT NULL, 
	pulled_seq INTEGER NOT NULL, 
	CONSTRAINT pk_sync_cursors PRIMARY KEY (group_id), 
	CONSTRAINT fk_sync_cursors_group_id_groups FOREIGN KEY(group_id) REFERENCES groups (id)
);
CREATE TABLE trust (
	id CHAR(32) NOT NULL, 
	truster_id CHAR(32) NOT NULL, 
	trustee_id CHAR(32) NOT NULL, 
	category VARCHAR(64), 
	level FLOAT NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	CONSTRAINT pk_trust PRIMARY KEY (id), 
	CONSTRAINT ck_trust_level_range CHECK (level >= -1.0 AND level <= 1.0), 
	CONSTRAINT ck_trust_not_self CHECK (truster_id != trustee_id), 
	CONSTRAINT fk_trust_trustee_id_people FOREIGN KEY(trustee_id) REFERENCES people (id), 
	CONSTRAINT fk_trust_truster_id_people FOREIGN KEY(truster_id) REFERENCES people (id)
);
INSERT INTO "trust" VALUES('3ad77523e6855afe8e34b828b5b88b2f','bdf3b765b6c44cf683950089413dd1ee','ad00713fcf004ba99f7d3f63943d8b81',NULL,0.9,0);
INSERT INTO "trust" VALUES('d5cc8a75291d5e0495bc42a81de7d529','bdf3b765b6c44cf683950089413dd1ee','ad00713fcf004ba99f7d3f63943d8b81','pediatrician',1.0,0);
CREATE TABLE vendors (
	id CHAR(32) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	category VARCHAR(64) NOT NULL, 
	address VARCHAR(300), 
	lat FLOAT, 
	lon FLOAT, 
	service_area VARCHAR(200), 
	service_radius_km FLOAT, 
	phone VARCHAR(40), 
	email VARCHAR(254), 
	website VARCHAR(500), 
	opening_hours VARCHAR(500), 
	notes TEXT, 
	source VARCHAR(16) NOT NULL, 
	source_id VARCHAR(200), 
	attribution VARCHAR(200), 
	deleted BOOLEAN NOT NULL, 
	CONSTRAINT pk_vendors PRIMARY KEY (id), 
	CONSTRAINT ck_vendors_lat_lon_together CHECK ((lat IS NULL) = (lon IS NULL)), 
	CONSTRAINT ck_vendors_lat_range CHECK (lat IS NULL OR (lat >= -90 AND lat <= 90)), 
	CONSTRAINT ck_vendors_lon_range CHECK (lon IS NULL OR (lon >= -180 AND lon <= 180))
);
INSERT INTO "vendors" VALUES('dd19bc50af8a4bc4917230dabf9ac8bd','Dr. Lee','pediatrician','1 Elm Street',51.45,-2.59,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'manual',NULL,NULL,0);
INSERT INTO "vendors" VALUES('60cff1a754c14561bf6fbefcfa742a3d','Happy Paws','dog_walker',NULL,NULL,NULL,'Northfield',NULL,NULL,NULL,NULL,NULL,NULL,'manual',NULL,NULL,0);
CREATE INDEX ix_change_log_record ON change_log (entity, record_id, field);
CREATE INDEX ix_people_email ON people (email);
CREATE INDEX ix_people_phone ON people (phone);
CREATE UNIQUE INDEX uq_people_is_me ON people (is_me) WHERE is_me = 1;
CREATE INDEX ix_vendors_category ON vendors (category);
CREATE INDEX ix_vendors_source ON vendors (source, source_id);
CREATE INDEX ix_audiences_group ON audiences (group_id);
CREATE INDEX ix_reviews_vendor ON reviews (vendor_id);
CREATE INDEX ix_trust_trustee ON trust (trustee_id);
CREATE UNIQUE INDEX uq_trust_link ON trust (truster_id, trustee_id, coalesce(category, ''));
COMMIT;
