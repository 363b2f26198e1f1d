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
	stamp VARCHAR(64) NOT NULL, 
	origin VARCHAR(64) NOT NULL, 
	applied BOOLEAN NOT NULL, value TEXT NOT NULL DEFAULT 'null', 
	CONSTRAINT pk_change_log PRIMARY KEY (seq)
);
INSERT INTO "change_log" VALUES(1,'people','7a516aaf4d164173a92e172a420d1bd9','display_name','001796690753453-000000-05d9ac2fc7cf19df','local',1,'"Sam Carter"');
INSERT INTO "change_log" VALUES(2,'people','7a516aaf4d164173a92e172a420d1bd9','email','001796690753453-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(3,'people','7a516aaf4d164173a92e172a420d1bd9','phone','001796690753453-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(4,'people','7a516aaf4d164173a92e172a420d1bd9','member_id','001796690753453-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(5,'people','7a516aaf4d164173a92e172a420d1bd9','notes','001796690753453-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(6,'people','7a516aaf4d164173a92e172a420d1bd9','deleted','001796690753453-000000-05d9ac2fc7cf19df','local',1,'false');
INSERT INTO "change_log" VALUES(7,'people','579f043612e645829f08c4235cfc4361','display_name','001796690753454-000000-05d9ac2fc7cf19df','local',1,'"Anna Berg"');
INSERT INTO "change_log" VALUES(8,'people','579f043612e645829f08c4235cfc4361','email','001796690753454-000000-05d9ac2fc7cf19df','local',1,'"anna@example.org"');
INSERT INTO "change_log" VALUES(9,'people','579f043612e645829f08c4235cfc4361','phone','001796690753454-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(10,'people','579f043612e645829f08c4235cfc4361','member_id','001796690753454-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(11,'people','579f043612e645829f08c4235cfc4361','notes','001796690753454-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(12,'people','579f043612e645829f08c4235cfc4361','deleted','001796690753454-000000-05d9ac2fc7cf19df','local',1,'false');
INSERT INTO "change_log" VALUES(13,'trust','2d54e77aab4b5e85bfa696d1edf34fd9','truster_id','001796690753457-000000-05d9ac2fc7cf19df','local',1,'"7a516aaf-4d16-4173-a92e-172a420d1bd9"');
INSERT INTO "change_log" VALUES(14,'trust','2d54e77aab4b5e85bfa696d1edf34fd9','trustee_id','001796690753457-000000-05d9ac2fc7cf19df','local',1,'"579f0436-12e6-4582-9f08-c4235cfc4361"');
INSERT INTO "change_log" VALUES(15,'trust','2d54e77aab4b5e85bfa696d1edf34fd9','category','001796690753457-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(16,'trust','2d54e77aab4b5e85bfa696d1edf34fd9','level','001796690753457-000000-05d9ac2fc7cf19df','local',1,'0.9');
INSERT INTO "change_log" VALUES(17,'trust','2d54e77aab4b5e85bfa696d1edf34fd9','deleted','001796690753457-000000-05d9ac2fc7cf19df','local',1,'false');
INSERT INTO "change_log" VALUES(18,'trust','ccd7e0265cc453c99898bd2a234754b6','truster_id','001796690753479-000000-05d9ac2fc7cf19df','local',1,'"7a516aaf-4d16-4173-a92e-172a420d1bd9"');
INSERT INTO "change_log" VALUES(19,'trust','ccd7e0265cc453c99898bd2a234754b6','trustee_id','001796690753479-000000-05d9ac2fc7cf19df','local',1,'"579f0436-12e6-4582-9f08-c4235cfc4361"');
INSERT INTO "change_log" VALUES(20,'trust','ccd7e0265cc453c99898bd2a234754b6','category','001796690753479-000000-05d9ac2fc7cf19df','local',1,'"pediatrician"');
INSERT INTO "change_log" VALUES(21,'trust','ccd7e0265cc453c99898bd2a234754b6','level','001796690753479-000000-05d9ac2fc7cf19df','local',1,'1.0');
INSERT INTO "change_log" VALUES(22,'trust','ccd7e0265cc453c99898bd2a234754b6','deleted','001796690753479-000000-05d9ac2fc7cf19df','local',1,'false');
INSERT INTO "change_log" VALUES(23,'vendors','6751d3b441ba443c8710668257ce5347','name','001796690753480-000000-05d9ac2fc7cf19df','local',1,'"Dr. Lee"');
INSERT INTO "change_log" VALUES(24,'vendors','6751d3b441ba443c8710668257ce5347','category','001796690753480-000000-05d9ac2fc7cf19df','local',1,'"pediatrician"');
INSERT INTO "change_log" VALUES(25,'vendors','6751d3b441ba443c8710668257ce5347','address','001796690753480-000000-05d9ac2fc7cf19df','local',1,'"1 Elm Street"');
INSERT INTO "change_log" VALUES(26,'vendors','6751d3b441ba443c8710668257ce5347','lat','001796690753480-000000-05d9ac2fc7cf19df','local',1,'51.45');
INSERT INTO "change_log" VALUES(27,'vendors','6751d3b441ba443c8710668257ce5347','lon','001796690753480-000000-05d9ac2fc7cf19df','local',1,'-2.59');
INSERT INTO "change_log" VALUES(28,'vendors','6751d3b441ba443c8710668257ce5347','service_area','001796690753480-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(29,'vendors','6751d3b441ba443c8710668257ce5347','service_radius_km','001796690753480-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(30,'vendors','6751d3b441ba443c8710668257ce5347','phone','001796690753480-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(31,'vendors','6751d3b441ba443c8710668257ce5347','email','001796690753480-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(32,'vendors','6751d3b441ba443c8710668257ce5347','website','001796690753480-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(33,'vendors','6751d3b441ba443c8710668257ce5347','opening_hours','001796690753480-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(34,'vendors','6751d3b441ba443c8710668257ce5347','notes','001796690753480-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(35,'vendors','6751d3b441ba443c8710668257ce5347','source','001796690753480-000000-05d9ac2fc7cf19df','local',1,'"manual"');
INSERT INTO "change_log" VALUES(36,'vendors','6751d3b441ba443c8710668257ce5347','source_id','001796690753480-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(37,'vendors','6751d3b441ba443c8710668257ce5347','attribution','001796690753480-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(38,'vendors','6751d3b441ba443c8710668257ce5347','deleted','001796690753480-000000-05d9ac2fc7cf19df','local',1,'false');
INSERT INTO "change_log" VALUES(39,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','name','001796690753480-000001-05d9ac2fc7cf19df','local',1,'"Happy Paws"');
INSERT INTO "change_log" VALUES(40,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','category','001796690753480-000001-05d9ac2fc7cf19df','local',1,'"dog_walker"');
INSERT INTO "change_log" VALUES(41,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','address','001796690753480-000001-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(42,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','lat','001796690753480-000001-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(43,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','lon','001796690753480-000001-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(44,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','service_area','001796690753480-000001-05d9ac2fc7cf19df','local',1,'"Northfield"');
INSERT INTO "change_log" VALUES(45,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','service_radius_km','001796690753480-000001-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(46,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','phone','001796690753480-000001-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(47,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','email','001796690753480-000001-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(48,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','website','001796690753480-000001-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(49,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','opening_hours','001796690753480-000001-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(50,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','notes','001796690753480-000001-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(51,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','source','001796690753480-000001-05d9ac2fc7cf19df','local',1,'"manual"');
INSERT INTO "change_log" VALUES(52,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','source_id','001796690753480-000001-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(53,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','attribution','001796690753480-000001-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(54,'vendors','bb5d4b11a15e4bc9a4059dc50149a04e','deleted','001796690753480-000001-05d9ac2fc7cf19df','local',1,'false');
INSERT INTO "change_log" VALUES(55,'reviews','ff77def83e6f5a1bb598727d7f6d913f','vendor_id','001796690753485-000000-05d9ac2fc7cf19df','local',1,'"6751d3b4-41ba-443c-8710-668257ce5347"');
INSERT INTO "change_log" VALUES(56,'reviews','ff77def83e6f5a1bb598727d7f6d913f','author_id','001796690753485-000000-05d9ac2fc7cf19df','local',1,'"7a516aaf-4d16-4173-a92e-172a420d1bd9"');
INSERT INTO "change_log" VALUES(57,'reviews','ff77def83e6f5a1bb598727d7f6d913f','recorded_by_id','001796690753485-000000-05d9ac2fc7cf19df','local',1,'"7a516aaf-4d16-4173-a92e-172a420d1bd9"');
INSERT INTO "change_log" VALUES(58,'reviews','ff77def83e6f5a1bb598727d7f6d913f','rating','001796690753485-000000-05d9ac2fc7cf19df','local',1,'5');
INSERT INTO "change_log" VALUES(59,'reviews','ff77def83e6f5a1bb598727d7f6d913f','text','001796690753485-000000-05d9ac2fc7cf19df','local',1,'"Great with kids"');
INSERT INTO "change_log" VALUES(60,'reviews','ff77def83e6f5a1bb598727d7f6d913f','visited_on','001796690753485-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(61,'reviews','ff77def83e6f5a1bb598727d7f6d913f','reviewed_on','001796690753485-000000-05d9ac2fc7cf19df','local',1,'"2026-11-01"');
INSERT INTO "change_log" VALUES(62,'reviews','ff77def83e6f5a1bb598727d7f6d913f','tags','001796690753485-000000-05d9ac2fc7cf19df','local',1,'[]');
INSERT INTO "change_log" VALUES(63,'reviews','ff77def83e6f5a1bb598727d7f6d913f','deleted','001796690753485-000000-05d9ac2fc7cf19df','local',1,'false');
INSERT INTO "change_log" VALUES(64,'reviews','284624200951514699041b425f9ad63a','vendor_id','001796690753488-000000-05d9ac2fc7cf19df','local',1,'"6751d3b4-41ba-443c-8710-668257ce5347"');
INSERT INTO "change_log" VALUES(65,'reviews','284624200951514699041b425f9ad63a','author_id','001796690753488-000000-05d9ac2fc7cf19df','local',1,'"579f0436-12e6-4582-9f08-c4235cfc4361"');
INSERT INTO "change_log" VALUES(66,'reviews','284624200951514699041b425f9ad63a','recorded_by_id','001796690753488-000000-05d9ac2fc7cf19df','local',1,'"7a516aaf-4d16-4173-a92e-172a420d1bd9"');
INSERT INTO "change_log" VALUES(67,'reviews','284624200951514699041b425f9ad63a','rating','001796690753488-000000-05d9ac2fc7cf19df','local',1,'4');
INSERT INTO "change_log" VALUES(68,'reviews','284624200951514699041b425f9ad63a','text','001796690753488-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(69,'reviews','284624200951514699041b425f9ad63a','visited_on','001796690753488-000000-05d9ac2fc7cf19df','local',1,'null');
INSERT INTO "change_log" VALUES(70,'reviews','284624200951514699041b425f9ad63a','reviewed_on','001796690753488-000000-05d9ac2fc7cf19df','local',1,'"2026-11-01"');
INSERT INTO "change_log" VALUES(71,'reviews','284624200951514699041b425f9ad63a','tags','001796690753488-000000-05d9ac2fc7cf19df','local',1,'[]');
INSERT INTO "change_log" VALUES(72,'reviews','284624200951514699041b425f9ad63a','deleted','001796690753488-000000-05d9ac2fc7cf19df','local',1,'false');
CREATE TABLE field_versions (
	entity VARCHAR(16) NOT NULL, 
	record_id CHAR(32) NOT NULL, 
	field VARCHAR(64) NOT NULL, 
	stamp VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_field_versions PRIMARY KEY (entity, record_id, field)
);
INSERT INTO "field_versions" VALUES('people','7a516aaf4d164173a92e172a420d1bd9','display_name','001796690753453-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('people','7a516aaf4d164173a92e172a420d1bd9','email','001796690753453-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('people','7a516aaf4d164173a92e172a420d1bd9','phone','001796690753453-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('people','7a516aaf4d164173a92e172a420d1bd9','member_id','001796690753453-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('people','7a516aaf4d164173a92e172a420d1bd9','notes','001796690753453-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('people','7a516aaf4d164173a92e172a420d1bd9','deleted','001796690753453-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('people','579f043612e645829f08c4235cfc4361','display_name','001796690753454-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('people','579f043612e645829f08c4235cfc4361','email','001796690753454-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('people','579f043612e645829f08c4235cfc4361','phone','001796690753454-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('people','579f043612e645829f08c4235cfc4361','member_id','001796690753454-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('people','579f043612e645829f08c4235cfc4361','notes','001796690753454-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('people','579f043612e645829f08c4235cfc4361','deleted','001796690753454-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('trust','2d54e77aab4b5e85bfa696d1edf34fd9','truster_id','001796690753457-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('trust','2d54e77aab4b5e85bfa696d1edf34fd9','trustee_id','001796690753457-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('trust','2d54e77aab4b5e85bfa696d1edf34fd9','category','001796690753457-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('trust','2d54e77aab4b5e85bfa696d1edf34fd9','level','001796690753457-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('trust','2d54e77aab4b5e85bfa696d1edf34fd9','deleted','001796690753457-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('trust','ccd7e0265cc453c99898bd2a234754b6','truster_id','001796690753479-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('trust','ccd7e0265cc453c99898bd2a234754b6','trustee_id','001796690753479-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('trust','ccd7e0265cc453c99898bd2a234754b6','category','001796690753479-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('trust','ccd7e0265cc453c99898bd2a234754b6','level','001796690753479-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('trust','ccd7e0265cc453c99898bd2a234754b6','deleted','001796690753479-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','name','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','category','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','address','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','lat','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','lon','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','service_area','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','service_radius_km','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','phone','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','email','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','website','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','opening_hours','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','notes','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','source','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','source_id','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','attribution','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','6751d3b441ba443c8710668257ce5347','deleted','001796690753480-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','name','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','category','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','address','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','lat','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','lon','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','service_area','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','service_radius_km','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','phone','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','email','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','website','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','opening_hours','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','notes','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','source','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','source_id','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','attribution','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('vendors','bb5d4b11a15e4bc9a4059dc50149a04e','deleted','001796690753480-000001-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','ff77def83e6f5a1bb598727d7f6d913f','vendor_id','001796690753485-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','ff77def83e6f5a1bb598727d7f6d913f','author_id','001796690753485-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','ff77def83e6f5a1bb598727d7f6d913f','recorded_by_id','001796690753485-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','ff77def83e6f5a1bb598727d7f6d913f','rating','001796690753485-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','ff77def83e6f5a1bb598727d7f6d913f','text','001796690753485-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','ff77def83e6f5a1bb598727d7f6d913f','visited_on','001796690753485-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','ff77def83e6f5a1bb598727d7f6d913f','reviewed_on','001796690753485-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','ff77def83e6f5a1bb598727d7f6d913f','tags','001796690753485-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','ff77def83e6f5a1bb598727d7f6d913f','deleted','001796690753485-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','284624200951514699041b425f9ad63a','vendor_id','001796690753488-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','284624200951514699041b425f9ad63a','author_id','001796690753488-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','284624200951514699041b425f9ad63a','recorded_by_id','001796690753488-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','284624200951514699041b425f9ad63a','rating','001796690753488-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','284624200951514699041b425f9ad63a','text','001796690753488-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','284624200951514699041b425f9ad63a','visited_on','001796690753488-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','284624200951514699041b425f9ad63a','reviewed_on','001796690753488-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','284624200951514699041b425f9ad63a','tags','001796690753488-000000-05d9ac2fc7cf19df');
INSERT INTO "field_versions" VALUES('reviews','284624200951514699041b425f9ad63a','deleted','001796690753488-000000-05d9ac2fc7cf19df');
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
INSERT INTO "local_meta" VALUES('device_id','05d9ac2fc7cf19df');
INSERT INTO "local_meta" VALUES('hlc_last','001796690753488-000000-05d9ac2fc7cf19df');
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
INSERT INTO "people" VALUES('7a516aaf4d164173a92e172a420d1bd9','Sam Carter',NULL,NULL,1,NULL,NULL,0);
INSERT INTO "people" VALUES('579f043612e645829f08c4235cfc4361','Anna Berg','anna@example.org',NULL,0,NULL,NULL,0);
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
INSERT INTO "reviews" VALUES('ff77def83e6f5a1bb598727d7f6d913f','6751d3b441ba443c8710668257ce5347','7a516aaf4d164173a92e172a420d1bd9','7a516aaf4d164173a92e172a420d1bd9',5,'Great with kids',NULL,'2026-11-01','[]',0);
INSERT INTO "reviews" VALUES('284624200951514699041b425f9ad63a','6751d3b441ba443c8710668257ce5347','579f043612e645829f08c4235cfc4361','7a516aaf4d164173a92e172a420d1bd9',4,NULL,NULL,'2026-11-01','[]',0);
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
INSERT INTO "trust" VALUES('2d54e77aab4b5e85bfa696d1edf34fd9','7a516aaf4d164173a92e172a420d1bd9','579f043612e645829f08c4235cfc4361',NULL,0.9,0);
INSERT INTO "trust" VALUES('ccd7e0265cc453c99898bd2a234754b6','7a516aaf4d164173a92e172a420d1bd9','579f043612e645829f08c4235cfc4361','pediatrician',1.0,0);
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
INSERT INTO "vendors" VALUES('6751d3b441ba443c8710668257ce5347','Dr. Lee','pediatrician','1 Elm Street',51.45,-2.59,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'manual',NULL,NULL,0);
INSERT INTO "vendors" VALUES('bb5d4b11a15e4bc9a4059dc50149a04e','Happy Paws','dog_walker',NULL,NULL,NULL,'Northfield',NULL,NULL,NULL,NULL,NULL,NULL,'manual',NULL,NULL,0);
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
