BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0001');
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
INSERT INTO "change_log" VALUES(1,'people','5bed06b9a9a84d5d8536a346b03bf267','display_name','"Sam Carter"','001795316909625-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(2,'people','5bed06b9a9a84d5d8536a346b03bf267','email','null','001795316909625-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(3,'people','5bed06b9a9a84d5d8536a346b03bf267','phone','null','001795316909625-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(4,'people','5bed06b9a9a84d5d8536a346b03bf267','member_id','null','001795316909625-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(5,'people','5bed06b9a9a84d5d8536a346b03bf267','notes','null','001795316909625-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(6,'people','5bed06b9a9a84d5d8536a346b03bf267','deleted','false','001795316909625-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(7,'people','ae397701405847f6871ae9915fb76f2e','display_name','"Anna Berg"','001795316909625-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(8,'people','ae397701405847f6871ae9915fb76f2e','email','"anna@example.org"','001795316909625-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(9,'people','ae397701405847f6871ae9915fb76f2e','phone','null','001795316909625-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(10,'people','ae397701405847f6871ae9915fb76f2e','member_id','null','001795316909625-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(11,'people','ae397701405847f6871ae9915fb76f2e','notes','null','001795316909625-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(12,'people','ae397701405847f6871ae9915fb76f2e','deleted','false','001795316909625-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(13,'trust','84de6ed671105e47bdac462347f89add','truster_id','"5bed06b9-a9a8-4d5d-8536-a346b03bf267"','001795316909628-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(14,'trust','84de6ed671105e47bdac462347f89add','trustee_id','"ae397701-4058-47f6-871a-e9915fb76f2e"','001795316909628-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(15,'trust','84de6ed671105e47bdac462347f89add','category','null','001795316909628-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(16,'trust','84de6ed671105e47bdac462347f89add','level',0.9,'001795316909628-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(17,'trust','84de6ed671105e47bdac462347f89add','deleted','false','001795316909628-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(18,'trust','0aab858a7e0151f292e6b0b4bde5820f','truster_id','"5bed06b9-a9a8-4d5d-8536-a346b03bf267"','001795316909646-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(19,'trust','0aab858a7e0151f292e6b0b4bde5820f','trustee_id','"ae397701-4058-47f6-871a-e9915fb76f2e"','001795316909646-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(20,'trust','0aab858a7e0151f292e6b0b4bde5820f','category','"pediatrician"','001795316909646-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(21,'trust','0aab858a7e0151f292e6b0b4bde5820f','level',1,'001795316909646-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(22,'trust','0aab858a7e0151f292e6b0b4bde5820f','deleted','false','001795316909646-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(23,'vendors','9613063db8454601b2887c9949cc5795','name','"Dr. Lee"','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(24,'vendors','9613063db8454601b2887c9949cc5795','category','"pediatrician"','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(25,'vendors','9613063db8454601b2887c9949cc5795','address','"1 Elm Street"','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(26,'vendors','9613063db8454601b2887c9949cc5795','lat',51.45,'001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(27,'vendors','9613063db8454601b2887c9949cc5795','lon',-2.59,'001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(28,'vendors','9613063db8454601b2887c9949cc5795','service_area','null','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(29,'vendors','9613063db8454601b2887c9949cc5795','service_radius_km','null','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(30,'vendors','9613063db8454601b2887c9949cc5795','phone','null','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(31,'vendors','9613063db8454601b2887c9949cc5795','email','null','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(32,'vendors','9613063db8454601b2887c9949cc5795','website','null','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(33,'vendors','9613063db8454601b2887c9949cc5795','opening_hours','null','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(34,'vendors','9613063db8454601b2887c9949cc5795','notes','null','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(35,'vendors','9613063db8454601b2887c9949cc5795','source','"manual"','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(36,'vendors','9613063db8454601b2887c9949cc5795','source_id','null','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(37,'vendors','9613063db8454601b2887c9949cc5795','attribution','null','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(38,'vendors','9613063db8454601b2887c9949cc5795','deleted','false','001795316909646-000001-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(39,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','name','"Happy Paws"','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(40,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','category','"dog_walker"','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(41,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','address','null','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(42,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','lat','null','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(43,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','lon','null','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(44,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','service_area','"Northfield"','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(45,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','service_radius_km','null','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(46,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','phone','null','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(47,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','email','null','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(48,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','website','null','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(49,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','opening_hours','null','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(50,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','notes','null','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(51,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','source','"manual"','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(52,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','source_id','null','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(53,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','attribution','null','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(54,'vendors','313b4009b1fc417ca2c33d56cbefa0f4','deleted','false','001795316909646-000002-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(55,'reviews','2ca817538ac85399869f3887661a4cf6','vendor_id','"9613063d-b845-4601-b288-7c9949cc5795"','001795316909651-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(56,'reviews','2ca817538ac85399869f3887661a4cf6','author_id','"5bed06b9-a9a8-4d5d-8536-a346b03bf267"','001795316909651-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(57,'reviews','2ca817538ac85399869f3887661a4cf6','recorded_by_id','"5bed06b9-a9a8-4d5d-8536-a346b03bf267"','001795316909651-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(58,'reviews','2ca817538ac85399869f3887661a4cf6','rating',5,'001795316909651-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(59,'reviews','2ca817538ac85399869f3887661a4cf6','text','"Great with kids"','001795316909651-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(60,'reviews','2ca817538ac85399869f3887661a4cf6','visited_on','null','001795316909651-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(61,'reviews','2ca817538ac85399869f3887661a4cf6','reviewed_on','"2026-11-01"','001795316909651-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(62,'reviews','2ca817538ac85399869f3887661a4cf6','tags','[]','001795316909651-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(63,'reviews','2ca817538ac85399869f3887661a4cf6','deleted','false','001795316909651-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(64,'reviews','37ca4c827cb953cc96554430c917fc1b','vendor_id','"9613063d-b845-4601-b288-7c9949cc5795"','001795316909653-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(65,'reviews','37ca4c827cb953cc96554430c917fc1b','author_id','"ae397701-4058-47f6-871a-e9915fb76f2e"','001795316909653-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(66,'reviews','37ca4c827cb953cc96554430c917fc1b','recorded_by_id','"5bed06b9-a9a8-4d5d-8536-a346b03bf267"','001795316909653-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(67,'reviews','37ca4c827cb953cc96554430c917fc1b','rating',4,'001795316909653-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(68,'reviews','37ca4c827cb953cc96554430c917fc1b','text','null','001795316909653-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(69,'reviews','37ca4c827cb953cc96554430c917fc1b','visited_on','null','001795316909653-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(70,'reviews','37ca4c827cb953cc96554430c917fc1b','reviewed_on','"2026-11-01"','001795316909653-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(71,'reviews','37ca4c827cb953cc96554430c917fc1b','tags','[]','001795316909653-000000-2307ca2bd03cc528','local',1);
INSERT INTO "change_log" VALUES(72,'reviews','37ca4c827cb953cc96554430c917fc1b','deleted','false','001795316909653-000000-2307ca2bd03cc528','local',1);
CREATE TABLE field_versions (
	entity VARCHAR(16) NOT NULL, 
	record_id CHAR(32) NOT NULL, 
	field VARCHAR(64) NOT NULL, 
	stamp VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_field_versions PRIMARY KEY (entity, record_id, field)
);
INSERT INTO "field_versions" VALUES('people','5bed06b9a9a84d5d8536a346b03bf267','display_name','001795316909625-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('people','5bed06b9a9a84d5d8536a346b03bf267','email','001795316909625-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('people','5bed06b9a9a84d5d8536a346b03bf267','phone','001795316909625-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('people','5bed06b9a9a84d5d8536a346b03bf267','member_id','001795316909625-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('people','5bed06b9a9a84d5d8536a346b03bf267','notes','001795316909625-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('people','5bed06b9a9a84d5d8536a346b03bf267','deleted','001795316909625-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('people','ae397701405847f6871ae9915fb76f2e','display_name','001795316909625-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('people','ae397701405847f6871ae9915fb76f2e','email','001795316909625-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('people','ae397701405847f6871ae9915fb76f2e','phone','001795316909625-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('people','ae397701405847f6871ae9915fb76f2e','member_id','001795316909625-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('people','ae397701405847f6871ae9915fb76f2e','notes','001795316909625-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('people','ae397701405847f6871ae9915fb76f2e','deleted','001795316909625-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('trust','84de6ed671105e47bdac462347f89add','truster_id','001795316909628-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('trust','84de6ed671105e47bdac462347f89add','trustee_id','001795316909628-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('trust','84de6ed671105e47bdac462347f89add','category','001795316909628-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('trust','84de6ed671105e47bdac462347f89add','level','001795316909628-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('trust','84de6ed671105e47bdac462347f89add','deleted','001795316909628-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('trust','0aab858a7e0151f292e6b0b4bde5820f','truster_id','001795316909646-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('trust','0aab858a7e0151f292e6b0b4bde5820f','trustee_id','001795316909646-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('trust','0aab858a7e0151f292e6b0b4bde5820f','category','001795316909646-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('trust','0aab858a7e0151f292e6b0b4bde5820f','level','001795316909646-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('trust','0aab858a7e0151f292e6b0b4bde5820f','deleted','001795316909646-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','name','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','category','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','address','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','lat','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','lon','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','service_area','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','service_radius_km','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','phone','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','email','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','website','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','opening_hours','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','notes','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','source','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','source_id','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','attribution','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','9613063db8454601b2887c9949cc5795','deleted','001795316909646-000001-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','name','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','category','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','address','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','lat','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','lon','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','service_area','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','service_radius_km','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','phone','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','email','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','website','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','opening_hours','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','notes','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','source','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','source_id','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','attribution','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('vendors','313b4009b1fc417ca2c33d56cbefa0f4','deleted','001795316909646-000002-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','2ca817538ac85399869f3887661a4cf6','vendor_id','001795316909651-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','2ca817538ac85399869f3887661a4cf6','author_id','001795316909651-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','2ca817538ac85399869f3887661a4cf6','recorded_by_id','001795316909651-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','2ca817538ac85399869f3887661a4cf6','rating','001795316909651-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','2ca817538ac85399869f3887661a4cf6','text','001795316909651-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','2ca817538ac85399869f3887661a4cf6','visited_on','001795316909651-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','2ca817538ac85399869f3887661a4cf6','reviewed_on','001795316909651-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','2ca817538ac85399869f3887661a4cf6','tags','001795316909651-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','2ca817538ac85399869f3887661a4cf6','deleted','001795316909651-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','37ca4c827cb953cc96554430c917fc1b','vendor_id','001795316909653-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','37ca4c827cb953cc96554430c917fc1b','author_id','001795316909653-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','37ca4c827cb953cc96554430c917fc1b','recorded_by_id','001795316909653-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','37ca4c827cb953cc96554430c917fc1b','rating','001795316909653-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','37ca4c827cb953cc96554430c917fc1b','text','001795316909653-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','37ca4c827cb953cc96554430c917fc1b','visited_on','001795316909653-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','37ca4c827cb953cc96554430c917fc1b','reviewed_on','001795316909653-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','37ca4c827cb953cc96554430c917fc1b','tags','001795316909653-000000-2307ca2bd03cc528');
INSERT INTO "field_versions" VALUES('reviews','37ca4c827cb953cc96554430c917fc1b','deleted','001795316909653-000000-2307ca2bd03cc528');
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
INSERT INTO "local_meta" VALUES('device_id','2307ca2bd03cc528');
INSERT INTO "local_meta" VALUES('hlc_last','001795316909653-000000-2307ca2bd03cc528');
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
INSERT INTO "people" VALUES('5bed06b9a9a84d5d8536a346b03bf267','Sam Carter',NULL,NULL,1,NULL,NULL,0);
INSERT INTO "people" VALUES('ae397701405847f6871ae9915fb76f2e','Anna Berg','anna@example.org',NULL,0,NULL,NULL,0);
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
INSERT INTO "reviews" VALUES('2ca817538ac85399869f3887661a4cf6','9613063db8454601b2887c9949cc5795','5bed06b9a9a84d5d8536a346b03bf267','5bed06b9a9a84d5d8536a346b03bf267',5,'Great with kids',NULL,'2026-11-01','[]',0);
INSERT INTO "reviews" VALUES('37ca4c827cb953cc96554430c917fc1b','9613063db8454601b2887c9949cc5795','ae397701405847f6871ae9915fb76f2e','5bed06b9a9a84d5d8536a346b03bf267',4,NULL,NULL,'2026-11-01','[]',0);
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
INSERT INTO "trust" VALUES('84de6ed671105e47bdac462347f89add','5bed06b9a9a84d5d8536a346b03bf267','ae397701405847f6871ae9915fb76f2e',NULL,0.9,0);
INSERT INTO "trust" VALUES('0aab858a7e0151f292e6b0b4bde5820f','5bed06b9a9a84d5d8536a346b03bf267','ae397701405847f6871ae9915fb76f2e','pediatrician',1.0,0);
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
INSERT INTO "vendors" VALUES('9613063db8454601b2887c9949cc5795','Dr. Lee','pediatrician','1 Elm Street',51.45,-2.59,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'manual',NULL,NULL,0);
INSERT INTO "vendors" VALUES('313b4009b1fc417ca2c33d56cbefa0f4','Happy Paws','dog_walker',NULL,NULL,NULL,'Northfield',NULL,NULL,NULL,NULL,NULL,NULL,'manual',NULL,NULL,0);
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
