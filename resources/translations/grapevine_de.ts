<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AudienceChooser</name>
    <message>
        <location filename="../../ui/group_dialogs.py" line="+418"/>
        <source>Share with</source>
        <translation>Teilen mit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only me</source>
        <translation>Nur ich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share with nobody: only me</source>
        <translation>Mit niemandem teilen: nur ich</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Share with {group}</source>
        <translation>Mit {group} teilen</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../build/translations/taxonomy_labels.py" line="+3"/>
        <source>Family doctor (GP)</source>
        <translation>Hausarzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pediatrician</source>
        <translation>Kinderarzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dentist</source>
        <translation>Zahnarzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orthodontist</source>
        <translation>Kieferorthopäde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optician / optometrist</source>
        <translation>Optiker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ophthalmologist</source>
        <translation>Augenarzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacy</source>
        <translation>Apotheke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Physical therapist</source>
        <translation>Physiotherapeut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Psychotherapist</source>
        <translation>Psychotherapeut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Psychiatrist</source>
        <translation>Psychiater</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gynecologist</source>
        <translation>Frauenarzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dermatologist</source>
        <translation>Hautarzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ENT doctor</source>
        <translation>HNO-Arzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Midwife</source>
        <translation>Hebamme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chiropractor</source>
        <translation>Chiropraktiker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Osteopath</source>
        <translation>Osteopath</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Podiatrist</source>
        <translation>Podologe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech therapist</source>
        <translation>Logopäde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Babysitter</source>
        <translation>Babysitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nanny</source>
        <translation>Kinderfrau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daycare</source>
        <translation>Kita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preschool / kindergarten</source>
        <translation>Kindergarten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tutor</source>
        <translation>Nachhilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plumber</source>
        <translation>Klempner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electrician</source>
        <translation>Elektriker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carpenter</source>
        <translation>Tischler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Painter &amp; decorator</source>
        <translation>Maler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roofer</source>
        <translation>Dachdecker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locksmith</source>
        <translation>Schlüsseldienst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handyman</source>
        <translation>Hausmeisterservice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>House cleaner</source>
        <translation>Reinigungskraft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gardener / landscaper</source>
        <translation>Gärtner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heating &amp; HVAC technician</source>
        <translation>Heizungsbauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glazier</source>
        <translation>Glaser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiler</source>
        <translation>Fliesenleger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Builder / general contractor</source>
        <translation>Bauunternehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chimney sweep</source>
        <translation>Schornsteinfeger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pest control</source>
        <translation>Schädlingsbekämpfung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appliance repair</source>
        <translation>Hausgerätereparatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architect</source>
        <translation>Architekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Veterinarian</source>
        <translation>Tierarzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dog walker</source>
        <translation>Gassi-Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pet groomer</source>
        <translation>Hundesalon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pet sitter</source>
        <translation>Tiersitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pet boarding / kennel</source>
        <translation>Tierpension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dog trainer</source>
        <translation>Hundeschule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hairdresser</source>
        <translation>Friseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barber</source>
        <translation>Barbier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beauty salon</source>
        <translation>Kosmetikstudio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nail salon</source>
        <translation>Nagelstudio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Massage</source>
        <translation>Massage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tattoo artist</source>
        <translation>Tätowierer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accountant</source>
        <translation>Buchhalter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax advisor</source>
        <translation>Steuerberater</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lawyer</source>
        <translation>Rechtsanwalt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notary</source>
        <translation>Notar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insurance agent</source>
        <translation>Versicherungsmakler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Financial advisor</source>
        <translation>Finanzberater</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Real estate agent</source>
        <translation>Immobilienmakler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Car mechanic</source>
        <translation>Autowerkstatt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tire shop</source>
        <translation>Reifenhändler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Car wash</source>
        <translation>Autowaschanlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Driving school</source>
        <translation>Fahrschule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bike shop &amp; repair</source>
        <translation>Fahrradwerkstatt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bakery</source>
        <translation>Bäckerei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Butcher</source>
        <translation>Metzgerei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caterer</source>
        <translation>Partyservice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Greengrocer</source>
        <translation>Obst- und Gemüsehändler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fish market</source>
        <translation>Fischhändler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Music teacher</source>
        <translation>Musiklehrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language school</source>
        <translation>Sprachschule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swimming lessons</source>
        <translation>Schwimmkurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sports coach / personal trainer</source>
        <translation>Fitnesstrainer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dance school</source>
        <translation>Tanzschule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tailor / alterations</source>
        <translation>Änderungsschneiderei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shoe repair</source>
        <translation>Schuhmacher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photographer</source>
        <translation>Fotograf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Movers</source>
        <translation>Umzugsunternehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computer &amp; phone repair</source>
        <translation>Computerreparatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry cleaner</source>
        <translation>Textilreinigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laundromat</source>
        <translation>Waschsalon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Florist</source>
        <translation>Blumenladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch &amp; clock repair</source>
        <translation>Uhrmacher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funeral director</source>
        <translation>Bestatter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translator</source>
        <translation>Übersetzer</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash_dialog.py" line="+32"/>
        <source>Grapevine ran into a problem</source>
        <translation>Bei Grapevine ist ein Problem aufgetreten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Something went wrong that should not have. Your data is safe: nothing half-written is kept. Please copy this report into a bug report.</source>
        <translation>Etwas ist schiefgegangen, das nicht hätte passieren dürfen. Ihre Daten sind sicher: Halb Geschriebenes wird nicht gespeichert. Bitte kopieren Sie diesen Bericht in eine Fehlermeldung.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Crash report</source>
        <translation>Absturzbericht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy report</source>
        <translation>Bericht kopieren</translation>
    </message>
</context>
<context>
    <name>CreateGroupDialog</name>
    <message>
        <location filename="../../ui/group_dialogs.py" line="-255"/>
        <source>Create a group</source>
        <translation>Gruppe gründen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Elm Street parents</source>
        <translation>z. B. Eltern der Lindenstraße</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group name</source>
        <translation>Name der Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group &amp;name:</source>
        <translation>&amp;Name der Gruppe:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the group a name.</source>
        <translation>Geben Sie der Gruppe einen Namen.</translation>
    </message>
</context>
<context>
    <name>CsvMappingDialog</name>
    <message>
        <location filename="../../ui/csv_mapping_dialog.py" line="+44"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>Öffnungszeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service area</source>
        <translation>Einsatzgebiet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service radius (km)</source>
        <translation>Einsatzradius (km)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Import {file}</source>
        <translation>{file} importieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file} has {rows} rows. Choose the column that fills each vendor field; name and category are required.</source>
        <translation>{file} hat {rows} Zeilen. Wählen Sie für jedes Anbieterfeld die Spalte, die es füllt; Name und Kategorie sind Pflicht.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First rows of the file</source>
        <translation>Erste Zeilen der Datei</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Column for {field}</source>
        <translation>Spalte für {field}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not in this file)</source>
        <translation>(nicht in dieser Datei)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{field} (required)</source>
        <translation>{field} (Pflicht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None: a row without a category stops the import</source>
        <translation>Keine: eine Zeile ohne Kategorie bricht den Import ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category for rows with an empty one</source>
        <translation>Kategorie für Zeilen ohne Kategorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category for rows with an &amp;empty one:</source>
        <translation>Kategorie für Zeilen &amp;ohne Kategorie:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem with the mapping</source>
        <translation>Problem mit der Zuordnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose the column that holds each vendor&apos;s {field}.</source>
        <translation>Wählen Sie die Spalte mit dem Feld „{field}“ der Anbieter.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Column “{column}” is chosen for both {first} and {second}.</source>
        <translation>Die Spalte „{column}“ ist sowohl für {first} als auch für {second} gewählt.</translation>
    </message>
</context>
<context>
    <name>DirectoryActions</name>
    <message>
        <location filename="../../ui/directory_actions.py" line="+57"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Vendor</source>
        <translation>&amp;Anbieter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New vendor…</source>
        <translation>&amp;Neuer Anbieter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit vendor…</source>
        <translation>Anbieter &amp;bearbeiten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a &amp;review…</source>
        <translation>Be&amp;wertung schreiben…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete vendor</source>
        <translation>Anbieter &amp;löschen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find &amp;duplicates…</source>
        <translation>&amp;Duplikate suchen…</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../../ui/duplicates_dialog.py" line="+43"/>
        <source>names {percent}% alike</source>
        <translation>Namen zu {percent} % gleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>{metres} m apart</source>
        <translation>{metres} m voneinander entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same phone number</source>
        <translation>gleiche Telefonnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different phone numbers</source>
        <translation>verschiedene Telefonnummern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same website</source>
        <translation>gleiche Website</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different websites</source>
        <translation>verschiedene Websites</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same e-mail address</source>
        <translation>gleiche E-Mail-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same category</source>
        <translation>gleiche Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different categories</source>
        <translation>verschiedene Kategorien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different numbers in the names</source>
        <translation>verschiedene Zahlen in den Namen</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location line="+108"/>
        <location line="+8"/>
        <source>Possible duplicates</source>
        <translation>Mögliche Duplikate</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Looking for vendors listed twice…</source>
        <translation>Suche nach doppelt erfassten Anbietern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the first vendor, with the reviews and details of both</source>
        <translation>Den ersten Anbieter behalten, mit den Bewertungen und Angaben beider</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the &amp;other</source>
        <translation>Den &amp;anderen behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Not the same</source>
        <translation>&amp;Nicht derselbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo merge</source>
        <translation>Zusammenführen &amp;rückgängig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring back the vendor merged last, with its reviews</source>
        <translation>Den zuletzt zusammengeführten Anbieter mit seinen Bewertungen zurückholen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{count} pairs may be the same vendor. Merging keeps every review.</source>
        <translation>{count} Paare könnten derselbe Anbieter sein. Beim Zusammenführen bleiben alle Bewertungen erhalten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No duplicates found.</source>
        <translation>Keine Duplikate gefunden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not merge: {reason}</source>
        <translation>Zusammenführen nicht möglich: {reason}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Merged “{duplicate}” into “{survivor}”: {moved} reviews moved.</source>
        <translation>„{duplicate}“ mit „{survivor}“ zusammengeführt: {moved} Bewertungen übernommen.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>“{duplicate}” is back, with its reviews.</source>
        <translation>„{duplicate}“ ist wieder da, mit seinen Bewertungen.</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <location line="-184"/>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge into it</source>
        <translation>Darin aufgehen lassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likelihood</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <location filename="../../ui/form_errors.py" line="+87"/>
        <source>Problem with {field}</source>
        <translation>Problem bei {field}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Problem saving</source>
        <translation>Problem beim Speichern</translation>
    </message>
</context>
<context>
    <name>FieldHistory</name>
    <message>
        <location filename="../../ui/field_history_dialog.py" line="+57"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service area</source>
        <translation>Einsatzgebiet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service radius (km)</source>
        <translation>Einsatzradius (km)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>Öffnungszeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source id</source>
        <translation>Kennung in der Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attribution</source>
        <translation>Quellenangabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>You (this device)</source>
        <translation>Sie (dieses Gerät)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another device ({device})</source>
        <translation>Ein anderes Gerät ({device})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Current: won over a concurrent edit</source>
        <translation>Aktuell: hat sich gegen eine gleichzeitige Änderung durchgesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Concurrent edit: lost to a later one (kept here)</source>
        <translation>Gleichzeitige Änderung: einer späteren unterlegen (hier aufbewahrt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrived after a newer value</source>
        <translation>Nach einem neueren Wert eingetroffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaced by a later edit</source>
        <translation>Durch eine spätere Änderung ersetzt</translation>
    </message>
</context>
<context>
    <name>FieldHistoryDialog</name>
    <message>
        <location line="+84"/>
        <source>Change history</source>
        <translation>Änderungsverlauf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading the history…</source>
        <translation>Verlauf wird gelesen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Values of each field over time</source>
        <translation>Werte jedes Felds im Lauf der Zeit</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No changes have been recorded for this vendor.</source>
        <translation>Für diesen Anbieter sind keine Änderungen verzeichnet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Concurrent edits (made without seeing each other) in: {fields}. The later edit won everywhere; the other value is kept here.</source>
        <translation>Gleichzeitige Änderungen (ohne voneinander zu wissen) in: {fields}. Überall gilt die spätere Änderung; der andere Wert wird hier aufbewahrt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No concurrent edits are known to this computer.</source>
        <translation>Diesem Computer sind keine gleichzeitigen Änderungen bekannt.</translation>
    </message>
</context>
<context>
    <name>FieldHistoryModel</name>
    <message>
        <location line="-87"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
</context>
<context>
    <name>FiltersBar</name>
    <message>
        <location filename="../../ui/filters_bar.py" line="+32"/>
        <source>Minimum rating</source>
        <translation>Mindestbewertung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any rating</source>
        <translation>Jede Bewertung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Maximum distance</source>
        <translation>Höchstentfernung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any distance</source>
        <translation>Jede Entfernung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>within {km:g} km</source>
        <translation>im Umkreis von {km:g} km</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only my &amp;network</source>
        <translation>Nur mein &amp;Netzwerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open now</source>
        <translation>Jetzt &amp;geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only vendors whose opening hours say they are open now</source>
        <translation>Nur Anbieter, die laut Öffnungszeiten jetzt geöffnet haben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search near</source>
        <translation>Suchen in der Nähe von</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search location</source>
        <translation>Suchort</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Looking up {place}…</source>
        <translation>Suche {place}…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No place found for {place}</source>
        <translation>Kein Ort gefunden für {place}</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Filters:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>home, or type a place</source>
        <translation>Zuhause, oder einen Ort eingeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search near home, or near a place (looked up when online) or coordinates such as 52.205, 0.122</source>
        <translation>In der Nähe von Zuhause suchen, oder eines Ortes (online nachgeschlagen) oder von Koordinaten wie 52.205, 0.122</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>N&amp;ear:</source>
        <translation>In der Nähe &amp;von:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Type coordinates such as 52.205, 0.122</source>
        <translation>Geben Sie Koordinaten ein, etwa 52.205, 0.122</translation>
    </message>
</context>
<context>
    <name>GroupFormDialog</name>
    <message>
        <location filename="../../ui/group_dialogs.py" line="-70"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>GroupMenu</name>
    <message>
        <location line="+371"/>
        <source>&amp;Group</source>
        <translation>&amp;Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create a group…</source>
        <translation>Gruppe &amp;gründen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join a group…</source>
        <translation>Einer Gruppe &amp;beitreten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Invite someone…</source>
        <translation>Jemanden &amp;einladen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Leave a group…</source>
        <translation>Gruppe &amp;verlassen…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{group} on {server}</source>
        <translation>{group} auf {server}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{group} (admin)</source>
        <translation>{group} (Verwaltung)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>You are in {group}: its directory arrives now.</source>
        <translation>Sie sind in {group}: das Verzeichnis der Gruppe kommt jetzt an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You left {group}. Everything in your directory stays on this computer.</source>
        <translation>Sie haben {group} verlassen. Alles in Ihrem Verzeichnis bleibt auf diesem Computer.</translation>
    </message>
</context>
<context>
    <name>HomeLookup</name>
    <message>
        <location filename="../../ui/welcome_dialog.py" line="+50"/>
        <source>You can type coordinates instead, such as 52.2053, 0.1218.</source>
        <translation>Sie können stattdessen Koordinaten eingeben, etwa 52.2053, 0.1218.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot reach the place search server; you seem to be offline.</source>
        <translation>Der Ortssuchdienst ist nicht erreichbar; Sie scheinen offline zu sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The place search server did not answer in time.</source>
        <translation>Der Ortssuchdienst hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The place search server asks to slow down; try again in a minute.</source>
        <translation>Der Ortssuchdienst bittet um weniger Anfragen; versuchen Sie es in einer Minute erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The place search server refused the request.</source>
        <translation>Der Ortssuchdienst hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The place search server gave an unusable answer.</source>
        <translation>Der Ortssuchdienst hat eine unbrauchbare Antwort geliefert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Those coordinates are out of range: latitude -90 to 90, longitude -180 to 180.</source>
        <translation>Diese Koordinaten liegen außerhalb des gültigen Bereichs: Breite -90 bis 90, Länge -180 bis 180.</translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <location filename="../../ui/import_export.py" line="+101"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{importer}…</source>
        <translation>{importer}…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export the directory…</source>
        <translation>Verzeichnis e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Import: {importer}</source>
        <translation>Importieren: {importer}</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Importing {file}…</source>
        <translation>{file} wird importiert…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Imported {file}: {added} added, {updated} updated, {skipped} skipped</source>
        <translation>{file} importiert: {added} hinzugefügt, {updated} aktualisiert, {skipped} übersprungen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import of {file} cancelled: nothing was imported</source>
        <translation>Import von {file} abgebrochen: es wurde nichts importiert</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Exported to {file}</source>
        <translation>Exportiert nach {file}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was imported or exported: {reason}</source>
        <translation>Es wurde nichts importiert oder exportiert: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Grapevine files (*.json)</source>
        <translation>Grapevine-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
</context>
<context>
    <name>ImportKinds</name>
    <message>
        <location filename="../../ui/import_kinds.py" line="+42"/>
        <source>Grapevine directory file</source>
        <translation>Grapevine-Verzeichnisdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheet of vendors (CSV)</source>
        <translation>Anbietertabelle (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts (vCard, jCard, xCard)</source>
        <translation>Kontakte (vCard, jCard, xCard)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yelp business listings</source>
        <translation>Yelp-Firmeneinträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenStreetMap extract</source>
        <translation>OpenStreetMap-Auszug</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Google Maps saved places (Takeout)</source>
        <translation>Gespeicherte Orte aus Google Maps (Takeout)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{label} ({patterns})</source>
        <translation>{label} ({patterns})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vendors</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust links</source>
        <translation>Vertrauensbeziehungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews</source>
        <translation>Bewertungen</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <location filename="../../ui/import_options_dialog.py" line="+37"/>
        <source>Distrust: their reviews will be ignored</source>
        <translation>Misstrauen: ihre Bewertungen werden ignoriert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust a little</source>
        <translation>Ein wenig vertrauen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust somewhat</source>
        <translation>Etwas vertrauen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust a lot</source>
        <translation>Sehr vertrauen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust completely</source>
        <translation>Voll vertrauen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Import {file}</source>
        <translation>{file} importieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give new contacts a &amp;trust level</source>
        <translation>Neuen Kontakten eine &amp;Vertrauensstufe geben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Business cards become vendors</source>
        <translation>&amp;Firmenkarten werden zu Anbietern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None: skip them and list them in the summary</source>
        <translation>Keine: überspringen und in der Zusammenfassung auflisten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category for records without one Grapevine knows</source>
        <translation>Kategorie für Einträge ohne eine Grapevine bekannte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New people</source>
        <translation>Neue Personen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give new contacts a trust level</source>
        <translation>Neuen Kontakten eine Vertrauensstufe geben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust level for new contacts</source>
        <translation>Vertrauensstufe für neue Kontakte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What this trust level means</source>
        <translation>Was diese Vertrauensstufe bedeutet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>distrust</source>
        <translation>Misstrauen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>full trust</source>
        <translation>volles Vertrauen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Grapevine does not know who you are yet: new contacts come in without a trust level.</source>
        <translation>Grapevine weiß noch nicht, wer Sie sind: neue Kontakte kommen ohne Vertrauensstufe hinzu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Businesses</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business cards become vendors</source>
        <translation>Firmenkarten werden zu Anbietern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Category for cards without a known one:</source>
        <translation>&amp;Kategorie für Karten ohne bekannte Kategorie:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Listings</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Category for listings Grapevine cannot place:</source>
        <translation>&amp;Kategorie für Einträge, die Grapevine nicht zuordnen kann:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{words} ({level})</source>
        <translation>{words} ({level})</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <location filename="../../ui/import_progress_dialog.py" line="+25"/>
        <source>Importing {file}</source>
        <translation>{file} wird importiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading {file}…</source>
        <translation>{file} wird gelesen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import status</source>
        <translation>Importstatus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import progress</source>
        <translation>Importfortschritt</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Saving {file}…</source>
        <translation>{file} wird gespeichert…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopping… nothing from the file will be kept.</source>
        <translation>Wird abgebrochen… nichts aus der Datei wird übernommen.</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../ui/import_summary_dialog.py" line="+39"/>
        <source>Import result</source>
        <translation>Importergebnis</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What was imported</source>
        <translation>Was importiert wurde</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported {file}</source>
        <translation>{file} importiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind}: {added} added, {updated} updated</source>
        <translation>{kind}: {added} hinzugefügt, {updated} aktualisiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skipped: {count}</source>
        <translation>Übersprungen: {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing new: the directory already had everything in this file.</source>
        <translation>Nichts Neues: das Verzeichnis enthielt bereits alles aus dieser Datei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Skipped records and why:</source>
        <translation>Ü&amp;bersprungene Einträge und warum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped records and why</source>
        <translation>Übersprungene Einträge und warum</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was imported from {file}</source>
        <translation>Aus {file} wurde nichts importiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your directory was not changed. Fix the file and import it again.</source>
        <translation>Ihr Verzeichnis wurde nicht verändert. Korrigieren Sie die Datei und importieren Sie sie erneut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Where and why:</source>
        <translation>&amp;Wo und warum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where and why</source>
        <translation>Wo und warum</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import of {file} cancelled</source>
        <translation>Import von {file} abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was imported: your directory is as it was before.</source>
        <translation>Es wurde nichts importiert: Ihr Verzeichnis ist unverändert.</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <location filename="../../ui/group_dialogs.py" line="-350"/>
        <source>Invite someone</source>
        <translation>Jemanden einladen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Valid for</source>
        <translation>Gültig für</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{days} day(s)</source>
        <translation>{days} Tag(e)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How many people may use it</source>
        <translation>Wie viele Personen ihn nutzen dürfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Make a code</source>
        <translation>Code &amp;erzeugen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invite code</source>
        <translation>Einladungscode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Valid for:</source>
        <translation>Gültig &amp;für:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;People:</source>
        <translation>&amp;Personen:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>For {uses} person(s), valid until {when}. They join with Group ▸ Join a group… and {server}</source>
        <translation>Für {uses} Person(en), gültig bis {when}. Beitritt über Gruppe ▸ Einer Gruppe beitreten… und {server}</translation>
    </message>
</context>
<context>
    <name>JoinGroupDialog</name>
    <message>
        <location line="-105"/>
        <source>Join a group</source>
        <translation>Einer Gruppe beitreten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invite code</source>
        <translation>Einladungscode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invite &amp;code:</source>
        <translation>Einladungs&amp;code:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the invite code you were given.</source>
        <translation>Geben Sie den Einladungscode ein, den Sie erhalten haben.</translation>
    </message>
</context>
<context>
    <name>LeaveGroupDialog</name>
    <message>
        <location line="+142"/>
        <source>Leave a group</source>
        <translation>Gruppe verlassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You will stop receiving the group&apos;s news, and your changes will no longer be sent to it. Everything already in your directory stays on this computer.</source>
        <translation>Sie erhalten keine Neuigkeiten der Gruppe mehr, und Ihre Änderungen werden nicht mehr an sie gesendet. Alles, was schon in Ihrem Verzeichnis ist, bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Leave group</source>
        <translation>Gruppe &amp;verlassen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+61"/>
        <source>Grapevine</source>
        <translation>Grapevine</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Map of vendors around home</source>
        <translation>Karte der Anbieter rund um Ihr Zuhause</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Results</source>
        <translation>&amp;Ergebnisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Map</source>
        <translation>&amp;Karte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;People and trust</source>
        <translation>&amp;Personen und Vertrauen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top &amp;recommenders</source>
        <translation>&amp;Top-Empfehlungsgeber</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Loading the neighbourhood…</source>
        <translation>Die Nachbarschaft wird geladen…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{vendors} vendors · {people} people</source>
        <translation>{vendors} Anbieter · {people} Personen</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>This vendor is no longer in the directory.</source>
        <translation>Dieser Anbieter ist nicht mehr im Verzeichnis.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../ui/map_view.py" line="+38"/>
        <source>Map of vendors</source>
        <translation>Karte der Anbieter</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>{0} m</source>
        <translation>{0} m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} km</source>
        <translation>{0} km</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Children</source>
        <translation>Kinder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>Haus und Wohnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pets</source>
        <translation>Haustiere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal care</source>
        <translation>Körperpflege</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money and legal</source>
        <translation>Geld und Recht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Car</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food</source>
        <translation>Lebensmittel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lessons</source>
        <translation>Unterricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
</context>
<context>
    <name>OpeningHours</name>
    <message>
        <location filename="../../ui/hours_view.py" line="+30"/>
        <location line="+2"/>
        <source>{day} {time}</source>
        <translation>{day} {time}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open now, around the clock</source>
        <translation>Jetzt geöffnet, rund um die Uhr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open now · until {time}</source>
        <translation>Jetzt geöffnet · bis {time}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>May be open now</source>
        <translation>Möglicherweise jetzt geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed · opens {time}</source>
        <translation>Geschlossen · öffnet {time}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{hours} (uncertain)</source>
        <translation>{hours} (unsicher)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opening hours</source>
        <translation>Öffnungszeiten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shown as entered; Grapevine could not read it ({reason}).</source>
        <translation>Wie eingegeben angezeigt; Grapevine konnte es nicht lesen ({reason}).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hours may differ on public holidays.</source>
        <translation>An Feiertagen können die Zeiten abweichen.</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../ui/models/people_model.py" line="+80"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My trust</source>
        <translation>Mein Vertrauen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust by category</source>
        <translation>Vertrauen nach Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>distrust</source>
        <translation>Misstrauen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>trust %s</source>
        <translation>Vertrauen %s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n steps</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>%1 · weight %2</source>
        <translation>%1 · Gewicht %2</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>like-minded</source>
        <translation>gleichgesinnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>distrusted</source>
        <translation>misstraut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not in the ranking yet.</source>
        <translation>Noch nicht in der Rangfolge.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You distrust %1: their reviews are ignored.</source>
        <translation>Sie misstrauen %1: Deren Bewertungen werden ignoriert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No trust path, but like-minded · weight %1</source>
        <translation>Kein Vertrauenspfad, aber gleichgesinnt · Gewicht %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Not connected within %n steps.</source>
        <translation>
            <numerusform>Nicht innerhalb von %n Schritt verbunden.</numerusform>
            <numerusform>Nicht innerhalb von %n Schritten verbunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../ui/people_panel.py" line="+73"/>
        <source>People and trust</source>
        <translation>Personen und Vertrauen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter contacts</source>
        <translation>Kontakte filtern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter contacts…</source>
        <translation>Kontakte filtern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+18"/>
        <source>Selected person</source>
        <translation>Ausgewählte Person</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>How you&apos;re connected</source>
        <translation>Wie Sie verbunden sind</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My trust level</source>
        <translation>Mein Vertrauensgrad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What this trust level means</source>
        <translation>Was dieser Vertrauensgrad bedeutet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set trust</source>
        <translation>Vertrauen festlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove trust</source>
        <translation>Vertrauen entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trust level for this category</source>
        <translation>Vertrauensgrad für diese Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust on category</source>
        <translation>Für Kategorie vertrauen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust by category</source>
        <translation>Vertrauen nach Kategorie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove category trust</source>
        <translation>Kategorievertrauen entfernen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How you&apos;re connected:</source>
        <translation>Wie Sie verbunden sind:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My trust (-1 distrust … 1 full trust):</source>
        <translation>Mein Vertrauen (-1 Misstrauen … 1 volles Vertrauen):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust on:</source>
        <translation>Vertrauen bei:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New contact&apos;s name</source>
        <translation>Name des neuen Kontakts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New contact&apos;s email</source>
        <translation>E-Mail des neuen Kontakts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New contact&apos;s phone</source>
        <translation>Telefon des neuen Kontakts</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email (optional):</source>
        <translation>E-Mail (optional):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone (optional):</source>
        <translation>Telefon (optional):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Select a contact to see and set your trust in them.</source>
        <translation>Wählen Sie einen Kontakt, um Ihr Vertrauen in ihn zu sehen und festzulegen.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>distrust: their reviews will be ignored</source>
        <translation>Misstrauen: Deren Bewertungen werden ignoriert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trust %s</source>
        <translation>Vertrauen %s</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../ui/reason_text.py" line="+27"/>
        <source>{name} in your network</source>
        <translation>{name} aus Ihrem Netzwerk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} and 1 other you trust</source>
        <translation>{name} und 1 weitere Person, der Sie vertrauen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} and {count} others you trust</source>
        <translation>{name} und {count} weitere, denen Sie vertrauen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 person in your network</source>
        <translation>1 Person aus Ihrem Netzwerk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} people in your network</source>
        <translation>{count} Personen aus Ihrem Netzwerk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you, {others}</source>
        <translation>Sie, {others}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>your review</source>
        <translation>Ihre Bewertung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 like-minded reviewer</source>
        <translation>1 gleichgesinnte Person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} like-minded reviewers</source>
        <translation>{count} Gleichgesinnte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mostly people you don&apos;t know</source>
        <translation>vor allem Leute, die Sie nicht kennen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>open now</source>
        <translation>jetzt geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed now</source>
        <translation>jetzt geschlossen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 review</source>
        <translation>1 Bewertung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} reviews</source>
        <translation>{count} Bewertungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{km} km</source>
        <translation>{km} km</translation>
    </message>
</context>
<context>
    <name>RecommendersModel</name>
    <message>
        <location filename="../../ui/recommenders_view.py" line="+46"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How you&apos;re connected</source>
        <translation>Wie Sie verbunden sind</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>like-minded</source>
        <translation>gleichgesinnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you</source>
        <translation>Sie</translation>
    </message>
</context>
<context>
    <name>RecommendersView</name>
    <message>
        <location line="+10"/>
        <source>Most relied-upon recommenders</source>
        <translation>Die Empfehlungsgeber, auf die Sie am meisten zählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The people whose reviews count most for you</source>
        <translation>Die Personen, deren Bewertungen für Sie am meisten zählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust some contacts to see whose reviews you rely on.</source>
        <translation>Vertrauen Sie einigen Kontakten, um zu sehen, auf wessen Bewertungen Sie sich verlassen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recommenders</source>
        <translation>Empfehlungsgeber</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../ui/models/results_model.py" line="+50"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>Sterne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distance</source>
        <translation>Entfernung</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../ui/review_dialog.py" line="+84"/>
        <source>Review {vendor}</source>
        <translation>{vendor} bewerten</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+78"/>
        <source>Me</source>
        <translation>Ich</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Choose a rating</source>
        <translation>Bewertung wählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>poor</source>
        <translation>schlecht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fair</source>
        <translation>mäßig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>very good</source>
        <translation>sehr gut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>excellent</source>
        <translation>ausgezeichnet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What was good, what was not?</source>
        <translation>Was war gut, was nicht?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD (optional)</source>
        <translation>JJJJ-MM-TT (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>comma-separated, e.g. friendly, on time</source>
        <translation>durch Kommas getrennt, z. B. freundlich, pünktlich</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Who says so</source>
        <translation>&amp;Wer sagt das</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rating</source>
        <translation>&amp;Bewertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;view</source>
        <translation>Bewertungs&amp;text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Visited on</source>
        <translation>Besucht &amp;am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Share with</source>
        <translation>&amp;Teilen mit</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{name} told me</source>
        <translation>{name} hat mir erzählt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Set yourself up (your name) before writing reviews.</source>
        <translation>Richten Sie sich zuerst ein (Ihren Namen), bevor Sie Bewertungen schreiben.</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../ui/search_bar.py" line="+25"/>
        <source>What are you looking for? A dentist, a plumber, a name…</source>
        <translation>Was suchen Sie? Einen Zahnarzt, einen Klempner, einen Namen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search vendors</source>
        <translation>Anbieter suchen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Quick picks:</source>
        <translation>Schnellauswahl:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search for {category}</source>
        <translation>Nach {category} suchen</translation>
    </message>
</context>
<context>
    <name>ServerAddressField</name>
    <message>
        <location filename="../../ui/group_dialogs.py" line="-311"/>
        <source>https://sync.example.org</source>
        <translation>https://sync.example.org</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow an &amp;unencrypted connection (http://) to another computer</source>
        <translation>&amp;Unverschlüsselte Verbindung (http://) zu einem anderen Computer erlauben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow an unencrypted connection</source>
        <translation>Unverschlüsselte Verbindung erlauben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Without https:// anyone on the network can read your group&apos;s directory and this device&apos;s key. Only allow this on a network you trust.</source>
        <translation>Ohne https:// kann jeder im Netzwerk das Verzeichnis Ihrer Gruppe und den Schlüssel dieses Geräts mitlesen. Erlauben Sie das nur in einem Netzwerk, dem Sie vertrauen.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>This address uses plain http:// to another computer: anyone on the network could read your group&apos;s data. Use https://, or tick “Allow an unencrypted connection”.</source>
        <translation>Diese Adresse nutzt unverschlüsseltes http:// zu einem anderen Computer: jeder im Netzwerk könnte die Daten Ihrer Gruppe mitlesen. Nutzen Sie https:// oder kreuzen Sie „Unverschlüsselte Verbindung erlauben“ an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a server address. Type it as https://sync.example.org</source>
        <translation>Das ist keine Serveradresse. Schreiben Sie sie als https://sync.example.org</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+88"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust horizon</source>
        <translation>Vertrauenshorizont</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decay per link</source>
        <translation>Abnahme pro Verbindung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stranger weight</source>
        <translation>Gewicht von Fremden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating weight</source>
        <translation>Gewicht der Bewertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map tiles</source>
        <translation>Kartenkacheln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tile credit</source>
        <translation>Kachel-Nachweis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An address, or coordinates such as 52.2053, 0.1218</source>
        <translation>Eine Adresse oder Koordinaten wie 52.2053, 0.1218</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> links</source>
        <translation> Verbindungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None: the map shows pins without streets</source>
        <translation>Keine: die Karte zeigt Stecknadeln ohne Straßen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. © OpenStreetMap contributors</source>
        <translation>z. B. © OpenStreetMap-Mitwirkende</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Home:</source>
        <translation>&amp;Zuhause:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>Zuhause</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{setting}:</source>
        <translation>{setting}:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Distance that counts as near, per category</source>
        <translation>Entfernung, die als nah gilt, je Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Default km</source>
        <translation>Standard (km)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your km</source>
        <translation>Ihre km</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Distance that still counts as near (leave blank for the default):</source>
        <translation>Entfernung, die noch als nah gilt (leer lassen für den Standardwert):</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The radius for {category}</source>
        <translation>Der Umkreis für {category}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{setting} must be between {low} and {high}.</source>
        <translation>{setting} muss zwischen {low} und {high} liegen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{setting} must be a number.</source>
        <translation>{setting} muss eine Zahl sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tile address must start with https:// and contain {z}, {x} and {y}.</source>
        <translation>Die Kacheladresse muss mit https:// beginnen und {z}, {x} und {y} enthalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{setting} is too long.</source>
        <translation>{setting} ist zu lang.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{setting} is not valid.</source>
        <translation>{setting} ist ungültig.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Place search is not available. Type coordinates such as 52.2053, 0.1218.</source>
        <translation>Die Ortssuche ist nicht verfügbar. Geben Sie Koordinaten ein, etwa 52.2053, 0.1218.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Looking up your home…</source>
        <translation>Ihr Zuhause wird gesucht…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No place found for that address. Check it, or type coordinates instead.</source>
        <translation>Zu dieser Adresse wurde kein Ort gefunden. Prüfen Sie sie oder geben Sie stattdessen Koordinaten ein.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cannot save: {error}</source>
        <translation>Speichern nicht möglich: {error}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/app.py" line="+185"/>
        <source>Cannot open the directory: {error}</source>
        <translation>Das Verzeichnis kann nicht geöffnet werden: {error}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_controller.py" line="+178"/>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send your changes to your groups and fetch theirs</source>
        <translation>Ihre Änderungen an Ihre Gruppen senden und deren Änderungen holen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sync status</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{group}: sent {pushed}, received {pulled}</source>
        <translation>{group}: {pushed} gesendet, {pulled} empfangen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{group}: {count} change(s) not accepted by the server</source>
        <translation>{group}: {count} Änderung(en) vom Server nicht angenommen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> · {count} changes waiting</source>
        <translation> · {count} Änderungen warten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synced {when}</source>
        <translation>Synchronisiert {when}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{minutes} min ago</source>
        <translation>vor {minutes} Min.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{hours} h ago</source>
        <translation>vor {hours} Std.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on {when}</source>
        <translation>am {when}</translation>
    </message>
</context>
<context>
    <name>SyncError</name>
    <message>
        <location line="-226"/>
        <source>Tell Grapevine who you are first (your name): the group needs it to show whose reviews are whose.</source>
        <translation>Sagen Sie Grapevine zuerst, wer Sie sind (Ihr Name): die Gruppe braucht ihn, um zu zeigen, von wem welche Bewertung ist.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot reach the sync server. Check the address and your connection.</source>
        <translation>Der Synchronisierungsserver ist nicht erreichbar. Prüfen Sie die Adresse und Ihre Verbindung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline: cannot reach {host} (will retry)</source>
        <translation>Offline: {host} nicht erreichbar (neuer Versuch folgt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This device&apos;s access to {group} was revoked. Ask the group&apos;s admin for a new invite.</source>
        <translation>Der Zugang dieses Geräts zu {group} wurde entzogen. Bitten Sie die Verwaltung der Gruppe um eine neue Einladung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{group}: the server refused changes as too large. They stay on this computer.</source>
        <translation>{group}: der Server hat Änderungen als zu groß abgelehnt. Sie bleiben auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server asks us to slow down: trying again later.</source>
        <translation>Der Server bittet um eine Pause: später neuer Versuch.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sync server for {group} has a problem (error {status}); will retry.</source>
        <translation>Der Synchronisierungsserver von {group} hat ein Problem (Fehler {status}); neuer Versuch folgt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sync server refused: {reason}</source>
        <translation>Der Synchronisierungsserver hat abgelehnt: {reason}</translation>
    </message>
</context>
<context>
    <name>UndoableDeletes</name>
    <message>
        <location filename="../../ui/undo.py" line="+70"/>
        <location line="+80"/>
        <source>&amp;Undo delete</source>
        <translation>Löschen &amp;rückgängig machen</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Bring back what was deleted last</source>
        <translation>Das zuletzt Gelöschte wiederherstellen</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>That can no longer be undone.</source>
        <translation>Das lässt sich nicht mehr rückgängig machen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This vendor is no longer in the directory.</source>
        <translation>Dieser Anbieter ist nicht mehr im Verzeichnis.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This review no longer exists.</source>
        <translation>Diese Bewertung gibt es nicht mehr.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Undo delete vendor</source>
        <translation>Löschen des Anbieters &amp;rückgängig machen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo delete review</source>
        <translation>Löschen der Bewertung &amp;rückgängig machen</translation>
    </message>
</context>
<context>
    <name>ValidationError</name>
    <message>
        <location filename="../../ui/form_errors.py" line="-99"/>
        <source>This is required.</source>
        <translation>Dies ist ein Pflichtfeld.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is too long (at most {limit} characters).</source>
        <translation>Das ist zu lang (höchstens {limit} Zeichen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a value between {low} and {high}.</source>
        <translation>Geben Sie einen Wert zwischen {low} und {high} ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a number.</source>
        <translation>Geben Sie eine Zahl ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a valid {kind}.</source>
        <translation>Das ist kein gültiger Wert ({kind}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This refers to a {kind} that no longer exists.</source>
        <translation>Das verweist auf einen Eintrag ({kind}), den es nicht mehr gibt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{reason}.</source>
        <translation>{reason}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“{value}” is not a known category. Did you mean {names}?</source>
        <translation>„{value}“ ist keine bekannte Kategorie. Meinten Sie {names}?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not a known category. Pick one from the list.</source>
        <translation>„{value}“ ist keine bekannte Kategorie. Wählen Sie eine aus der Liste.</translation>
    </message>
</context>
<context>
    <name>VendorDialog</name>
    <message>
        <location filename="../../ui/vendor_dialog.py" line="+61"/>
        <source>Edit vendor</source>
        <translation>Anbieter bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a vendor</source>
        <translation>Anbieter hinzufügen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pick or type a category, e.g. “Kinderarzt” or “plumber”</source>
        <translation>Kategorie wählen oder eingeben, z. B. „Kinderarzt“ oder „Klempner“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 48.2082</source>
        <translation>z. B. 48.2082</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 16.3738</source>
        <translation>z. B. 16.3738</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For vendors who come to you, e.g. “Leopoldstadt”</source>
        <translation>Für Anbieter, die zu Ihnen kommen, z. B. „Leopoldstadt“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. Mo-Fr 08:00-18:00; Sa 09:00-12:00</source>
        <translation>z. B. Mo-Fr 08:00-18:00; Sa 09:00-12:00</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Category</source>
        <translation>&amp;Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Latitude</source>
        <translation>&amp;Breitengrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;ongitude</source>
        <translation>&amp;Längengrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service area</source>
        <translation>&amp;Einsatzgebiet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service &amp;radius (km)</source>
        <translation>Einsatz&amp;radius (km)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Email</source>
        <translation>E-&amp;Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Website</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening &amp;hours</source>
        <translation>Öffnungs&amp;zeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No&amp;tes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share w&amp;ith</source>
        <translation>Te&amp;ilen mit</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>This vendor is no longer in the directory.</source>
        <translation>Dieser Anbieter ist nicht mehr im Verzeichnis.</translation>
    </message>
</context>
<context>
    <name>VendorPane</name>
    <message>
        <location filename="../../ui/vendor_pane.py" line="+62"/>
        <source>Vendor details</source>
        <translation>Anbieterdetails</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vendor name</source>
        <translation>Name des Anbieters</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact details</source>
        <translation>Kontaktdaten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as vCard…</source>
        <translation>Als vCard speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this vendor as a vCard</source>
        <translation>Diesen Anbieter als vCard speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History…</source>
        <translation>Verlauf…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this vendor&apos;s change history</source>
        <translation>Änderungsverlauf dieses Anbieters zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address or service area</source>
        <translation>Adresse oder Einsatzgebiet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>Öffnungszeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the vendor is</source>
        <translation>Wo der Anbieter ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why this rank</source>
        <translation>Warum dieser Rang</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Pick a result to see who recommends it and how to reach it.</source>
        <translation>Wählen Sie ein Ergebnis, um zu sehen, wer es empfiehlt und wie Sie es erreichen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loading contact details…</source>
        <translation>Kontaktdaten werden geladen…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No contact details yet.</source>
        <translation>Noch keine Kontaktdaten.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Serves {area} (within {km:.0f} km)</source>
        <translation>Kommt nach {area} (im Umkreis von {km:.0f} km)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serves {area}</source>
        <translation>Kommt nach {area}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>★ {rating:.1f} from {count} reviews</source>
        <translation>★ {rating:.1f} aus {count} Bewertungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No reviews yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{km:.1f} km away</source>
        <translation>{km:.1f} km entfernt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your network</source>
        <translation>Ihr Netzwerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Like-minded reviewers</source>
        <translation>Gleichgesinnte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Others</source>
        <translation>Andere</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>and {count} more</source>
        <translation>und {count} weitere</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>your review</source>
        <translation>Ihre Bewertung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>weight {weight:.2f}</source>
        <translation>Gewicht {weight:.2f}</translation>
    </message>
</context>
<context>
    <name>VendorVcardSaver</name>
    <message>
        <location filename="../../ui/vendor_vcard.py" line="+49"/>
        <source>Save vendor as &amp;vCard…</source>
        <translation>Anbieter als &amp;vCard speichern…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save as vCard</source>
        <translation>Als vCard speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>vCard files (*.vcf *.vcard)</source>
        <translation>vCard-Dateien (*.vcf *.vcard)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Saved the vCard to {file}</source>
        <translation>vCard in {file} gespeichert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write {file}: {reason}</source>
        <translation>{file} kann nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This vendor is no longer in the directory.</source>
        <translation>Dieser Anbieter ist nicht mehr im Verzeichnis.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not save the vCard</source>
        <translation>vCard konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was written.</source>
        <translation>Es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../ui/welcome_dialog.py" line="+42"/>
        <source>Welcome to Grapevine</source>
        <translation>Willkommen bei Grapevine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grapevine finds local vendors through the people you trust. Tell it who you are.</source>
        <translation>Grapevine findet Anbieter in Ihrer Nähe über die Menschen, denen Sie vertrauen. Sagen Sie ihm, wer Sie sind.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Home</source>
        <translation>Zuhause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An address, or coordinates such as 52.2053, 0.1218</source>
        <translation>Eine Adresse oder Koordinaten wie 52.2053, 0.1218</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Home:</source>
        <translation>&amp;Zuhause:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start with</source>
        <translation>Beginnen mit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &amp;demo neighbourhood, to look around</source>
        <translation>Die &amp;Demo-Nachbarschaft, um sich umzusehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the demo neighbourhood</source>
        <translation>Demo-Nachbarschaft öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An &amp;empty directory, to record my own vendors</source>
        <translation>Einem &amp;leeren Verzeichnis, um eigene Anbieter zu erfassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with an empty directory</source>
        <translation>Mit einem leeren Verzeichnis beginnen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Please enter your name: rankings are worked out as seen from you.</source>
        <translation>Bitte geben Sie Ihren Namen ein: Die Rangfolge wird aus Ihrer Sicht berechnet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Place search is not available. Type coordinates such as 52.2053, 0.1218.</source>
        <translation>Die Ortssuche ist nicht verfügbar. Geben Sie Koordinaten ein, etwa 52.2053, 0.1218.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looking up your home…</source>
        <translation>Ihr Zuhause wird gesucht…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No place found for that address. Check it, or type coordinates instead.</source>
        <translation>Zu dieser Adresse wurde kein Ort gefunden. Prüfen Sie sie oder geben Sie stattdessen Koordinaten ein.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot save: {error}</source>
        <translation>Speichern nicht möglich: {error}</translation>
    </message>
</context>
</TS>
