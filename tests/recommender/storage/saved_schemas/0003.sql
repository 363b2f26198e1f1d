BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0003');
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
INSERT INTO "change_log" VALUES(1,'people','0a660066be1d48afa64c9644e75e31c1','display_name','"Sam Carter"','001796691049887-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(2,'people','0a660066be1d48afa64c9644e75e31c1','email','null','001796691049887-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(3,'people','0a660066be1d48afa64c9644e75e31c1','phone','null','001796691049887-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(4,'people','0a660066be1d48afa64c9644e75e31c1','member_id','null','001796691049887-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(5,'people','0a660066be1d48afa64c9644e75e31c1','notes','null','001796691049887-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(6,'people','0a660066be1d48afa64c9644e75e31c1','deleted','false','001796691049887-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(7,'people','c8082469fe3c41a0b9dbdd41e4c4c8ce','display_name','"Anna Berg"','001796691049887-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(8,'people','c8082469fe3c41a0b9dbdd41e4c4c8ce','email','"anna@example.org"','001796691049887-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(9,'people','c8082469fe3c41a0b9dbdd41e4c4c8ce','phone','null','001796691049887-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(10,'people','c8082469fe3c41a0b9dbdd41e4c4c8ce','member_id','null','001796691049887-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(11,'people','c8082469fe3c41a0b9dbdd41e4c4c8ce','notes','null','001796691049887-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(12,'people','c8082469fe3c41a0b9dbdd41e4c4c8ce','deleted','false','001796691049887-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(13,'trust','0c6427886949528a851951c56c4181aa','truster_id','"0a660066-be1d-48af-a64c-9644e75e31c1"','001796691049902-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(14,'trust','0c6427886949528a851951c56c4181aa','trustee_id','"c8082469-fe3c-41a0-b9db-dd41e4c4c8ce"','001796691049902-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(15,'trust','0c6427886949528a851951c56c4181aa','category','null','001796691049902-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(16,'trust','0c6427886949528a851951c56c4181aa','level',0.9,'001796691049902-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(17,'trust','0c6427886949528a851951c56c4181aa','deleted','false','001796691049902-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(18,'trust','3b5e7ca1352d5e168413601e48874f80','truster_id','"0a660066-be1d-48af-a64c-9644e75e31c1"','001796691049938-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(19,'trust','3b5e7ca1352d5e168413601e48874f80','trustee_id','"c8082469-fe3c-41a0-b9db-dd41e4c4c8ce"','001796691049938-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(20,'trust','3b5e7ca1352d5e168413601e48874f80','category','"pediatrician"','001796691049938-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(21,'trust','3b5e7ca1352d5e168413601e48874f80','level',1,'001796691049938-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(22,'trust','3b5e7ca1352d5e168413601e48874f80','deleted','false','001796691049938-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(23,'vendors','ce435300f79f4cf7bb5f15de055e3849','name','"Dr. Lee"','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(24,'vendors','ce435300f79f4cf7bb5f15de055e3849','category','"pediatrician"','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(25,'vendors','ce435300f79f4cf7bb5f15de055e3849','address','"1 Elm Street"','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(26,'vendors','ce435300f79f4cf7bb5f15de055e3849','lat',51.45,'001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(27,'vendors','ce435300f79f4cf7bb5f15de055e3849','lon',-2.59,'001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(28,'vendors','ce435300f79f4cf7bb5f15de055e3849','service_area','null','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(29,'vendors','ce435300f79f4cf7bb5f15de055e3849','service_radius_km','null','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(30,'vendors','ce435300f79f4cf7bb5f15de055e3849','phone','null','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(31,'vendors','ce435300f79f4cf7bb5f15de055e3849','email','null','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(32,'vendors','ce435300f79f4cf7bb5f15de055e3849','website','null','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(33,'vendors','ce435300f79f4cf7bb5f15de055e3849','opening_hours','null','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(34,'vendors','ce435300f79f4cf7bb5f15de055e3849','notes','null','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(35,'vendors','ce435300f79f4cf7bb5f15de055e3849','source','"manual"','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(36,'vendors','ce435300f79f4cf7bb5f15de055e3849','source_id','null','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(37,'vendors','ce435300f79f4cf7bb5f15de055e3849','attribution','null','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(38,'vendors','ce435300f79f4cf7bb5f15de055e3849','deleted','false','001796691049939-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(39,'vendors','e997198834f94b5e8ab1ad6425cadbbb','name','"Happy Paws"','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(40,'vendors','e997198834f94b5e8ab1ad6425cadbbb','category','"dog_walker"','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(41,'vendors','e997198834f94b5e8ab1ad6425cadbbb','address','null','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(42,'vendors','e997198834f94b5e8ab1ad6425cadbbb','lat','null','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(43,'vendors','e997198834f94b5e8ab1ad6425cadbbb','lon','null','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(44,'vendors','e997198834f94b5e8ab1ad6425cadbbb','service_area','"Northfield"','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(45,'vendors','e997198834f94b5e8ab1ad6425cadbbb','service_radius_km','null','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(46,'vendors','e997198834f94b5e8ab1ad6425cadbbb','phone','null','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(47,'vendors','e997198834f94b5e8ab1ad6425cadbbb','email','null','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(48,'vendors','e997198834f94b5e8ab1ad6425cadbbb','website','null','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(49,'vendors','e997198834f94b5e8ab1ad6425cadbbb','opening_hours','null','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(50,'vendors','e997198834f94b5e8ab1ad6425cadbbb','notes','null','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(51,'vendors','e997198834f94b5e8ab1ad6425cadbbb','source','"manual"','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(52,'vendors','e997198834f94b5e8ab1ad6425cadbbb','source_id','null','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(53,'vendors','e997198834f94b5e8ab1ad6425cadbbb','attribution','null','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(54,'vendors','e997198834f94b5e8ab1ad6425cadbbb','deleted','false','001796691049939-000001-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(55,'reviews','c03f8d87b6df51ee96da4f45be029dfb','vendor_id','"ce435300-f79f-4cf7-bb5f-15de055e3849"','001796691049947-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(56,'reviews','c03f8d87b6df51ee96da4f45be029dfb','author_id','"0a660066-be1d-48af-a64c-9644e75e31c1"','001796691049947-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(57,'reviews','c03f8d87b6df51ee96da4f45be029dfb','recorded_by_id','"0a660066-be1d-48af-a64c-9644e75e31c1"','001796691049947-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(58,'reviews','c03f8d87b6df51ee96da4f45be029dfb','rating',5,'001796691049947-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(59,'reviews','c03f8d87b6df51ee96da4f45be029dfb','text','"Great with kids"','001796691049947-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(60,'reviews','c03f8d87b6df51ee96da4f45be029dfb','visited_on','null','001796691049947-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(61,'reviews','c03f8d87b6df51ee96da4f45be029dfb','reviewed_on','"2026-11-01"','001796691049947-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(62,'reviews','c03f8d87b6df51ee96da4f45be029dfb','tags','[]','001796691049947-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(63,'reviews','c03f8d87b6df51ee96da4f45be029dfb','deleted','false','001796691049947-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(64,'reviews','87e5e6eddc85518584a0dbbacfaeb85f','vendor_id','"ce435300-f79f-4cf7-bb5f-15de055e3849"','001796691049949-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(65,'reviews','87e5e6eddc85518584a0dbbacfaeb85f','author_id','"c8082469-fe3c-41a0-b9db-dd41e4c4c8ce"','001796691049949-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(66,'reviews','87e5e6eddc85518584a0dbbacfaeb85f','recorded_by_id','"0a660066-be1d-48af-a64c-9644e75e31c1"','001796691049949-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(67,'reviews','87e5e6eddc85518584a0dbbacfaeb85f','rating',4,'001796691049949-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(68,'reviews','87e5e6eddc85518584a0dbbacfaeb85f','text','null','001796691049949-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(69,'reviews','87e5e6eddc85518584a0dbbacfaeb85f','visited_on','null','001796691049949-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(70,'reviews','87e5e6eddc85518584a0dbbacfaeb85f','reviewed_on','"2026-11-01"','001796691049949-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(71,'reviews','87e5e6eddc85518584a0dbbacfaeb85f','tags','[]','001796691049949-000000-f1eaf13f066e7e7e','local',1);
INSERT INTO "change_log" VALUES(72,'reviews','87e5e6eddc85518584a0dbbacfaeb85f','deleted','false','001796691049949-000000-f1eaf13f066e7e7e','local',1);
CREATE TABLE field_versions (
	entity VARCHAR(16) NOT NULL, 
	record_id CHAR(32) NOT NULL, 
	field VARCHAR(64) NOT NULL, 
	stamp VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_field_versions PRIMARY KEY (entity, record_id, field)
);
INSERT INTO "field_versions" VALUES('people','0a660066be1d48afa64c9644e75e31c1','display_name','001796691049887-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('people','0a660066be1d48afa64c9644e75e31c1','email','001796691049887-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('people','0a660066be1d48afa64c9644e75e31c1','phone','001796691049887-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('people','0a660066be1d48afa64c9644e75e31c1','member_id','001796691049887-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('people','0a660066be1d48afa64c9644e75e31c1','notes','001796691049887-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('people','0a660066be1d48afa64c9644e75e31c1','deleted','001796691049887-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('people','c8082469fe3c41a0b9dbdd41e4c4c8ce','display_name','001796691049887-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('people','c8082469fe3c41a0b9dbdd41e4c4c8ce','email','001796691049887-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('people','c8082469fe3c41a0b9dbdd41e4c4c8ce','phone','001796691049887-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('people','c8082469fe3c41a0b9dbdd41e4c4c8ce','member_id','001796691049887-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('people','c8082469fe3c41a0b9dbdd41e4c4c8ce','notes','001796691049887-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('people','c8082469fe3c41a0b9dbdd41e4c4c8ce','deleted','001796691049887-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('trust','0c6427886949528a851951c56c4181aa','truster_id','001796691049902-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('trust','0c6427886949528a851951c56c4181aa','trustee_id','001796691049902-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('trust','0c6427886949528a851951c56c4181aa','category','001796691049902-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('trust','0c6427886949528a851951c56c4181aa','level','001796691049902-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('trust','0c6427886949528a851951c56c4181aa','deleted','001796691049902-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('trust','3b5e7ca1352d5e168413601e48874f80','truster_id','001796691049938-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('trust','3b5e7ca1352d5e168413601e48874f80','trustee_id','001796691049938-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('trust','3b5e7ca1352d5e168413601e48874f80','category','001796691049938-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('trust','3b5e7ca1352d5e168413601e48874f80','level','001796691049938-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('trust','3b5e7ca1352d5e168413601e48874f80','deleted','001796691049938-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','name','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','category','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','address','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','lat','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','lon','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','service_area','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','service_radius_km','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','phone','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','email','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','website','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','opening_hours','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','notes','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','source','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','source_id','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','attribution','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','ce435300f79f4cf7bb5f15de055e3849','deleted','001796691049939-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','name','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','category','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','address','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','lat','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','lon','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','service_area','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','service_radius_km','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','phone','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','email','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','website','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','opening_hours','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','notes','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','source','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','source_id','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','attribution','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('vendors','e997198834f94b5e8ab1ad6425cadbbb','deleted','001796691049939-000001-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','c03f8d87b6df51ee96da4f45be029dfb','vendor_id','001796691049947-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','c03f8d87b6df51ee96da4f45be029dfb','author_id','001796691049947-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','c03f8d87b6df51ee96da4f45be029dfb','recorded_by_id','001796691049947-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','c03f8d87b6df51ee96da4f45be029dfb','rating','001796691049947-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','c03f8d87b6df51ee96da4f45be029dfb','text','001796691049947-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','c03f8d87b6df51ee96da4f45be029dfb','visited_on','001796691049947-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','c03f8d87b6df51ee96da4f45be029dfb','reviewed_on','001796691049947-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','c03f8d87b6df51ee96da4f45be029dfb','tags','001796691049947-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','c03f8d87b6df51ee96da4f45be029dfb','deleted','001796691049947-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','87e5e6eddc85518584a0dbbacfaeb85f','vendor_id','001796691049949-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','87e5e6eddc85518584a0dbbacfaeb85f','author_id','001796691049949-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','87e5e6eddc85518584a0dbbacfaeb85f','recorded_by_id','001796691049949-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','87e5e6eddc85518584a0dbbacfaeb85f','rating','001796691049949-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','87e5e6eddc85518584a0dbbacfaeb85f','text','001796691049949-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','87e5e6eddc85518584a0dbbacfaeb85f','visited_on','001796691049949-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','87e5e6eddc85518584a0dbbacfaeb85f','reviewed_on','001796691049949-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','87e5e6eddc85518584a0dbbacfaeb85f','tags','001796691049949-000000-f1eaf13f066e7e7e');
INSERT INTO "field_versions" VALUES('reviews','87e5e6eddc85518584a0dbbacfaeb85f','deleted','001796691049949-000000-f1eaf13f066e7e7e');
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
INSERT INTO "local_meta" VALUES('device_id','f1eaf13f066e7e7e');
INSERT INTO "local_meta" VALUES('hlc_last','001796691049949-000000-f1eaf13f066e7e7e');
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
INSERT INTO "people" VALUES('0a660066be1d48afa64c9644e75e31c1','Sam Carter',NULL,NULL,1,NULL,NULL,0);
INSERT INTO "people" VALUES('c8082469fe3c41a0b9dbdd41e4c4c8ce','Anna Berg','anna@example.org',NULL,0,NULL,NULL,0);
CREATE TABLE "reviews" (
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
	CONSTRAINT fk_reviews_vendor_id_vendors FOREIGN KEY(vendor_id) REFERENCES vendors (id), 
	CONSTRAINT fk_reviews_author_id_people FOREIGN KEY(author_id) REFERENCES people (id), 
	CONSTRAINT ck_reviews_rating_range CHECK (rating >= 1 AND rating <= 5), 
	CONSTRAINT fk_reviews_recorded_by_id_people FOREIGN KEY(recorded_by_id) REFERENCES people (id), 
	CONSTRAINT uq_reviews_recorded_by_id UNIQUE (recorded_by_id, author_id, vendor_id)
);
INSERT INTO "reviews" VALUES('c03f8d87b6df51ee96da4f45be029dfb','ce435300f79f4cf7bb5f15de055e3849','0a660066be1d48afa64c9644e75e31c1','0a660066be1d48afa64c9644e75e31c1',5,'Great with kids',NULL,'2026-11-01','[]',0);
INSERT INTO "reviews" VALUES('87e5e6eddc85518584a0dbbacfaeb85f','ce435300f79f4cf7bb5f15de055e3849','c8082469fe3c41a0b9dbdd41e4c4c8ce','0a660066be1d48afa64c9644e75e31c1',4,NULL,NULL,'2026-11-01','[]',0);
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
INSERT INTO "trust" VALUES('0c6427886949528a851951c56c4181aa','0a660066be1d48afa64c9644e75e31c1','c8082469fe3c41a0b9dbdd41e4c4c8ce',NULL,0.9,0);
INSERT INTO "trust" VALUES('3b5e7ca1352d5e168413601e48874f80','0a660066be1d48afa64c9644e75e31c1','c8082469fe3c41a0b9dbdd41e4c4c8ce','pediatrician',1.0,0);
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
INSERT INTO "vendors" VALUES('ce435300f79f4cf7bb5f15de055e3849','Dr. Lee','pediatrician','1 Elm Street',51.45,-2.59,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'manual',NULL,NULL,0);
INSERT INTO "vendors" VALUES('e997198834f94b5e8ab1ad6425cadbbb','Happy Paws','dog_walker',NULL,NULL,NULL,'Northfield',NULL,NULL,NULL,NULL,NULL,NULL,'manual',NULL,NULL,0);
CREATE INDEX ix_change_log_record ON change_log (entity, record_id, field);
CREATE INDEX ix_people_email ON people (email);
CREATE INDEX ix_people_phone ON people (phone);
CREATE UNIQUE INDEX uq_people_is_me ON people (is_me) WHERE is_me = 1;
CREATE INDEX ix_vendors_category ON vendors (category);
CREATE INDEX ix_vendors_source ON vendors (source, source_id);
CREATE INDEX ix_audiences_group ON audiences (group_id);
CREATE INDEX ix_trust_trustee ON trust (trustee_id);
CREATE UNIQUE INDEX uq_trust_link ON trust (truster_id, trustee_id, coalesce(category, ''));
CREATE INDEX ix_reviews_vendor ON reviews (vendor_id);
COMMIT;
