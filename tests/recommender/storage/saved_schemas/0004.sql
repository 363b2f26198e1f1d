BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0004');
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
	stamp VARCHAR(64) NOT NULL, 
	origin VARCHAR(64) NOT NULL, 
	applied BOOLEAN NOT NULL, value TEXT NOT NULL DEFAULT 'null', 
	CONSTRAINT pk_change_log PRIMARY KEY (seq)
);
INSERT INTO "change_log" VALUES(1,'people','368e7f8fcc234a4491ee09ebcdf31a43','display_name','001796694099319-000000-d407c30f4acffbbf','local',1,'"Sam Carter"');
INSERT INTO "change_log" VALUES(2,'people','368e7f8fcc234a4491ee09ebcdf31a43','email','001796694099319-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(3,'people','368e7f8fcc234a4491ee09ebcdf31a43','phone','001796694099319-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(4,'people','368e7f8fcc234a4491ee09ebcdf31a43','member_id','001796694099319-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(5,'people','368e7f8fcc234a4491ee09ebcdf31a43','notes','001796694099319-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(6,'people','368e7f8fcc234a4491ee09ebcdf31a43','deleted','001796694099319-000000-d407c30f4acffbbf','local',1,'false');
INSERT INTO "change_log" VALUES(7,'people','c3600d716e7f4a1082fd2190a6d77e96','display_name','001796694099320-000000-d407c30f4acffbbf','local',1,'"Anna Berg"');
INSERT INTO "change_log" VALUES(8,'people','c3600d716e7f4a1082fd2190a6d77e96','email','001796694099320-000000-d407c30f4acffbbf','local',1,'"anna@example.org"');
INSERT INTO "change_log" VALUES(9,'people','c3600d716e7f4a1082fd2190a6d77e96','phone','001796694099320-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(10,'people','c3600d716e7f4a1082fd2190a6d77e96','member_id','001796694099320-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(11,'people','c3600d716e7f4a1082fd2190a6d77e96','notes','001796694099320-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(12,'people','c3600d716e7f4a1082fd2190a6d77e96','deleted','001796694099320-000000-d407c30f4acffbbf','local',1,'false');
INSERT INTO "change_log" VALUES(13,'trust','34377c118b9e551db73197bd24d04f44','truster_id','001796694099323-000000-d407c30f4acffbbf','local',1,'"368e7f8f-cc23-4a44-91ee-09ebcdf31a43"');
INSERT INTO "change_log" VALUES(14,'trust','34377c118b9e551db73197bd24d04f44','trustee_id','001796694099323-000000-d407c30f4acffbbf','local',1,'"c3600d71-6e7f-4a10-82fd-2190a6d77e96"');
INSERT INTO "change_log" VALUES(15,'trust','34377c118b9e551db73197bd24d04f44','category','001796694099323-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(16,'trust','34377c118b9e551db73197bd24d04f44','level','001796694099323-000000-d407c30f4acffbbf','local',1,'0.9');
INSERT INTO "change_log" VALUES(17,'trust','34377c118b9e551db73197bd24d04f44','deleted','001796694099323-000000-d407c30f4acffbbf','local',1,'false');
INSERT INTO "change_log" VALUES(18,'trust','ede0dbf3d5895f1094d325e1adb6c283','truster_id','001796694099342-000000-d407c30f4acffbbf','local',1,'"368e7f8f-cc23-4a44-91ee-09ebcdf31a43"');
INSERT INTO "change_log" VALUES(19,'trust','ede0dbf3d5895f1094d325e1adb6c283','trustee_id','001796694099342-000000-d407c30f4acffbbf','local',1,'"c3600d71-6e7f-4a10-82fd-2190a6d77e96"');
INSERT INTO "change_log" VALUES(20,'trust','ede0dbf3d5895f1094d325e1adb6c283','category','001796694099342-000000-d407c30f4acffbbf','local',1,'"pediatrician"');
INSERT INTO "change_log" VALUES(21,'trust','ede0dbf3d5895f1094d325e1adb6c283','level','001796694099342-000000-d407c30f4acffbbf','local',1,'1.0');
INSERT INTO "change_log" VALUES(22,'trust','ede0dbf3d5895f1094d325e1adb6c283','deleted','001796694099342-000000-d407c30f4acffbbf','local',1,'false');
INSERT INTO "change_log" VALUES(23,'vendors','8f3293f2afc34710a5bf419a6b5ed860','name','001796694099343-000000-d407c30f4acffbbf','local',1,'"Dr. Lee"');
INSERT INTO "change_log" VALUES(24,'vendors','8f3293f2afc34710a5bf419a6b5ed860','category','001796694099343-000000-d407c30f4acffbbf','local',1,'"pediatrician"');
INSERT INTO "change_log" VALUES(25,'vendors','8f3293f2afc34710a5bf419a6b5ed860','address','001796694099343-000000-d407c30f4acffbbf','local',1,'"1 Elm Street"');
INSERT INTO "change_log" VALUES(26,'vendors','8f3293f2afc34710a5bf419a6b5ed860','lat','001796694099343-000000-d407c30f4acffbbf','local',1,'51.45');
INSERT INTO "change_log" VALUES(27,'vendors','8f3293f2afc34710a5bf419a6b5ed860','lon','001796694099343-000000-d407c30f4acffbbf','local',1,'-2.59');
INSERT INTO "change_log" VALUES(28,'vendors','8f3293f2afc34710a5bf419a6b5ed860','service_area','001796694099343-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(29,'vendors','8f3293f2afc34710a5bf419a6b5ed860','service_radius_km','001796694099343-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(30,'vendors','8f3293f2afc34710a5bf419a6b5ed860','phone','001796694099343-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(31,'vendors','8f3293f2afc34710a5bf419a6b5ed860','email','001796694099343-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(32,'vendors','8f3293f2afc34710a5bf419a6b5ed860','website','001796694099343-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(33,'vendors','8f3293f2afc34710a5bf419a6b5ed860','opening_hours','001796694099343-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(34,'vendors','8f3293f2afc34710a5bf419a6b5ed860','notes','001796694099343-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(35,'vendors','8f3293f2afc34710a5bf419a6b5ed860','source','001796694099343-000000-d407c30f4acffbbf','local',1,'"manual"');
INSERT INTO "change_log" VALUES(36,'vendors','8f3293f2afc34710a5bf419a6b5ed860','source_id','001796694099343-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(37,'vendors','8f3293f2afc34710a5bf419a6b5ed860','attribution','001796694099343-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(38,'vendors','8f3293f2afc34710a5bf419a6b5ed860','deleted','001796694099343-000000-d407c30f4acffbbf','local',1,'false');
INSERT INTO "change_log" VALUES(39,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','name','001796694099343-000001-d407c30f4acffbbf','local',1,'"Happy Paws"');
INSERT INTO "change_log" VALUES(40,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','category','001796694099343-000001-d407c30f4acffbbf','local',1,'"dog_walker"');
INSERT INTO "change_log" VALUES(41,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','address','001796694099343-000001-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(42,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','lat','001796694099343-000001-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(43,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','lon','001796694099343-000001-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(44,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','service_area','001796694099343-000001-d407c30f4acffbbf','local',1,'"Northfield"');
INSERT INTO "change_log" VALUES(45,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','service_radius_km','001796694099343-000001-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(46,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','phone','001796694099343-000001-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(47,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','email','001796694099343-000001-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(48,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','website','001796694099343-000001-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(49,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','opening_hours','001796694099343-000001-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(50,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','notes','001796694099343-000001-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(51,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','source','001796694099343-000001-d407c30f4acffbbf','local',1,'"manual"');
INSERT INTO "change_log" VALUES(52,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','source_id','001796694099343-000001-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(53,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','attribution','001796694099343-000001-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(54,'vendors','1fb78f53f46b4d95a6f471ad889df5f5','deleted','001796694099343-000001-d407c30f4acffbbf','local',1,'false');
INSERT INTO "change_log" VALUES(55,'reviews','67505660e4895338b615c33d6ef8d1d2','vendor_id','001796694099347-000000-d407c30f4acffbbf','local',1,'"8f3293f2-afc3-4710-a5bf-419a6b5ed860"');
INSERT INTO "change_log" VALUES(56,'reviews','67505660e4895338b615c33d6ef8d1d2','author_id','001796694099347-000000-d407c30f4acffbbf','local',1,'"368e7f8f-cc23-4a44-91ee-09ebcdf31a43"');
INSERT INTO "change_log" VALUES(57,'reviews','67505660e4895338b615c33d6ef8d1d2','recorded_by_id','001796694099347-000000-d407c30f4acffbbf','local',1,'"368e7f8f-cc23-4a44-91ee-09ebcdf31a43"');
INSERT INTO "change_log" VALUES(58,'reviews','67505660e4895338b615c33d6ef8d1d2','rating','001796694099347-000000-d407c30f4acffbbf','local',1,'5');
INSERT INTO "change_log" VALUES(59,'reviews','67505660e4895338b615c33d6ef8d1d2','text','001796694099347-000000-d407c30f4acffbbf','local',1,'"Great with kids"');
INSERT INTO "change_log" VALUES(60,'reviews','67505660e4895338b615c33d6ef8d1d2','visited_on','001796694099347-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(61,'reviews','67505660e4895338b615c33d6ef8d1d2','reviewed_on','001796694099347-000000-d407c30f4acffbbf','local',1,'"2026-11-01"');
INSERT INTO "change_log" VALUES(62,'reviews','67505660e4895338b615c33d6ef8d1d2','tags','001796694099347-000000-d407c30f4acffbbf','local',1,'[]');
INSERT INTO "change_log" VALUES(63,'reviews','67505660e4895338b615c33d6ef8d1d2','deleted','001796694099347-000000-d407c30f4acffbbf','local',1,'false');
INSERT INTO "change_log" VALUES(64,'reviews','426481bbbe485b59aabc28c1990d0bc9','vendor_id','001796694099348-000000-d407c30f4acffbbf','local',1,'"8f3293f2-afc3-4710-a5bf-419a6b5ed860"');
INSERT INTO "change_log" VALUES(65,'reviews','426481bbbe485b59aabc28c1990d0bc9','author_id','001796694099348-000000-d407c30f4acffbbf','local',1,'"c3600d71-6e7f-4a10-82fd-2190a6d77e96"');
INSERT INTO "change_log" VALUES(66,'reviews','426481bbbe485b59aabc28c1990d0bc9','recorded_by_id','001796694099348-000000-d407c30f4acffbbf','local',1,'"368e7f8f-cc23-4a44-91ee-09ebcdf31a43"');
INSERT INTO "change_log" VALUES(67,'reviews','426481bbbe485b59aabc28c1990d0bc9','rating','001796694099348-000000-d407c30f4acffbbf','local',1,'4');
INSERT INTO "change_log" VALUES(68,'reviews','426481bbbe485b59aabc28c1990d0bc9','text','001796694099348-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(69,'reviews','426481bbbe485b59aabc28c1990d0bc9','visited_on','001796694099348-000000-d407c30f4acffbbf','local',1,'null');
INSERT INTO "change_log" VALUES(70,'reviews','426481bbbe485b59aabc28c1990d0bc9','reviewed_on','001796694099348-000000-d407c30f4acffbbf','local',1,'"2026-11-01"');
INSERT INTO "change_log" VALUES(71,'reviews','426481bbbe485b59aabc28c1990d0bc9','tags','001796694099348-000000-d407c30f4acffbbf','local',1,'[]');
INSERT INTO "change_log" VALUES(72,'reviews','426481bbbe485b59aabc28c1990d0bc9','deleted','001796694099348-000000-d407c30f4acffbbf','local',1,'false');
CREATE TABLE field_versions (
	entity VARCHAR(16) NOT NULL, 
	record_id CHAR(32) NOT NULL, 
	field VARCHAR(64) NOT NULL, 
	stamp VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_field_versions PRIMARY KEY (entity, record_id, field)
);
INSERT INTO "field_versions" VALUES('people','368e7f8fcc234a4491ee09ebcdf31a43','display_name','001796694099319-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('people','368e7f8fcc234a4491ee09ebcdf31a43','email','001796694099319-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('people','368e7f8fcc234a4491ee09ebcdf31a43','phone','001796694099319-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('people','368e7f8fcc234a4491ee09ebcdf31a43','member_id','001796694099319-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('people','368e7f8fcc234a4491ee09ebcdf31a43','notes','001796694099319-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('people','368e7f8fcc234a4491ee09ebcdf31a43','deleted','001796694099319-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('people','c3600d716e7f4a1082fd2190a6d77e96','display_name','001796694099320-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('people','c3600d716e7f4a1082fd2190a6d77e96','email','001796694099320-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('people','c3600d716e7f4a1082fd2190a6d77e96','phone','001796694099320-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('people','c3600d716e7f4a1082fd2190a6d77e96','member_id','001796694099320-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('people','c3600d716e7f4a1082fd2190a6d77e96','notes','001796694099320-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('people','c3600d716e7f4a1082fd2190a6d77e96','deleted','001796694099320-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('trust','34377c118b9e551db73197bd24d04f44','truster_id','001796694099323-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('trust','34377c118b9e551db73197bd24d04f44','trustee_id','001796694099323-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('trust','34377c118b9e551db73197bd24d04f44','category','001796694099323-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('trust','34377c118b9e551db73197bd24d04f44','level','001796694099323-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('trust','34377c118b9e551db73197bd24d04f44','deleted','001796694099323-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('trust','ede0dbf3d5895f1094d325e1adb6c283','truster_id','001796694099342-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('trust','ede0dbf3d5895f1094d325e1adb6c283','trustee_id','001796694099342-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('trust','ede0dbf3d5895f1094d325e1adb6c283','category','001796694099342-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('trust','ede0dbf3d5895f1094d325e1adb6c283','level','001796694099342-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('trust','ede0dbf3d5895f1094d325e1adb6c283','deleted','001796694099342-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','name','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','category','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','address','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','lat','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','lon','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','service_area','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','service_radius_km','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','phone','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','email','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','website','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','opening_hours','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','notes','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','source','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','source_id','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','attribution','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','8f3293f2afc34710a5bf419a6b5ed860','deleted','001796694099343-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','name','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','category','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','address','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','lat','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','lon','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','service_area','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','service_radius_km','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','phone','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','email','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','website','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','opening_hours','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','notes','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','source','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','source_id','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','attribution','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('vendors','1fb78f53f46b4d95a6f471ad889df5f5','deleted','001796694099343-000001-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','67505660e4895338b615c33d6ef8d1d2','vendor_id','001796694099347-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','67505660e4895338b615c33d6ef8d1d2','author_id','001796694099347-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','67505660e4895338b615c33d6ef8d1d2','recorded_by_id','001796694099347-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','67505660e4895338b615c33d6ef8d1d2','rating','001796694099347-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','67505660e4895338b615c33d6ef8d1d2','text','001796694099347-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','67505660e4895338b615c33d6ef8d1d2','visited_on','001796694099347-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','67505660e4895338b615c33d6ef8d1d2','reviewed_on','001796694099347-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','67505660e4895338b615c33d6ef8d1d2','tags','001796694099347-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','67505660e4895338b615c33d6ef8d1d2','deleted','001796694099347-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','426481bbbe485b59aabc28c1990d0bc9','vendor_id','001796694099348-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','426481bbbe485b59aabc28c1990d0bc9','author_id','001796694099348-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','426481bbbe485b59aabc28c1990d0bc9','recorded_by_id','001796694099348-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','426481bbbe485b59aabc28c1990d0bc9','rating','001796694099348-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','426481bbbe485b59aabc28c1990d0bc9','text','001796694099348-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','426481bbbe485b59aabc28c1990d0bc9','visited_on','001796694099348-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','426481bbbe485b59aabc28c1990d0bc9','reviewed_on','001796694099348-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','426481bbbe485b59aabc28c1990d0bc9','tags','001796694099348-000000-d407c30f4acffbbf');
INSERT INTO "field_versions" VALUES('reviews','426481bbbe485b59aabc28c1990d0bc9','deleted','001796694099348-000000-d407c30f4acffbbf');
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
INSERT INTO "local_meta" VALUES('device_id','d407c30f4acffbbf');
INSERT INTO "local_meta" VALUES('hlc_last','001796694099348-000000-d407c30f4acffbbf');
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
INSERT INTO "people" VALUES('368e7f8fcc234a4491ee09ebcdf31a43','Sam Carter',NULL,NULL,1,NULL,NULL,0);
INSERT INTO "people" VALUES('c3600d716e7f4a1082fd2190a6d77e96','Anna Berg','anna@example.org',NULL,0,NULL,NULL,0);
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
	CONSTRAINT ck_reviews_rating_range CHECK (rating >= 1 AND rating <= 5), 
	CONSTRAINT fk_reviews_vendor_id_vendors FOREIGN KEY(vendor_id) REFERENCES vendors (id), 
	CONSTRAINT fk_reviews_recorded_by_id_people FOREIGN KEY(recorded_by_id) REFERENCES people (id), 
	CONSTRAINT fk_reviews_author_id_people FOREIGN KEY(author_id) REFERENCES people (id), 
	CONSTRAINT uq_reviews_recorded_by_id UNIQUE (recorded_by_id, author_id, vendor_id)
);
INSERT INTO "reviews" VALUES('67505660e4895338b615c33d6ef8d1d2','8f3293f2afc34710a5bf419a6b5ed860','368e7f8fcc234a4491ee09ebcdf31a43','368e7f8fcc234a4491ee09ebcdf31a43',5,'Great with kids',NULL,'2026-11-01','[]',0);
INSERT INTO "reviews" VALUES('426481bbbe485b59aabc28c1990d0bc9','8f3293f2afc34710a5bf419a6b5ed860','c3600d716e7f4a1082fd2190a6d77e96','368e7f8fcc234a4491ee09ebcdf31a43',4,NULL,NULL,'2026-11-01','[]',0);
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
INSERT INTO "trust" VALUES('34377c118b9e551db73197bd24d04f44','368e7f8fcc234a4491ee09ebcdf31a43','c3600d716e7f4a1082fd2190a6d77e96',NULL,0.9,0);
INSERT INTO "trust" VALUES('ede0dbf3d5895f1094d325e1adb6c283','368e7f8fcc234a4491ee09ebcdf31a43','c3600d716e7f4a1082fd2190a6d77e96','pediatrician',1.0,0);
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
INSERT INTO "vendors" VALUES('8f3293f2afc34710a5bf419a6b5ed860','Dr. Lee','pediatrician','1 Elm Street',51.45,-2.59,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'manual',NULL,NULL,0);
INSERT INTO "vendors" VALUES('1fb78f53f46b4d95a6f471ad889df5f5','Happy Paws','dog_walker',NULL,NULL,NULL,'Northfield',NULL,NULL,NULL,NULL,NULL,NULL,'manual',NULL,NULL,0);
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
