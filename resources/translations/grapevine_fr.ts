<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AudienceChooser</name>
    <message>
        <location filename="../../ui/group_dialogs.py" line="+418"/>
        <source>Share with</source>
        <translation>Partager avec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only me</source>
        <translation>Moi seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share with nobody: only me</source>
        <translation>Ne partager avec personne&#xa0;: moi seulement</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Share with {group}</source>
        <translation>Partager avec {group}</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../build/translations/taxonomy_labels.py" line="+3"/>
        <source>Family doctor (GP)</source>
        <translation>Médecin généraliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pediatrician</source>
        <translation>Pédiatre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dentist</source>
        <translation>Dentiste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orthodontist</source>
        <translation>Orthodontiste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optician / optometrist</source>
        <translation>Opticien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ophthalmologist</source>
        <translation>Ophtalmologue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacy</source>
        <translation>Pharmacie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Physical therapist</source>
        <translation>Kinésithérapeute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Psychotherapist</source>
        <translation>Psychothérapeute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Psychiatrist</source>
        <translation>Psychiatre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gynecologist</source>
        <translation>Gynécologue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dermatologist</source>
        <translation>Dermatologue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ENT doctor</source>
        <translation>ORL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Midwife</source>
        <translation>Sage-femme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chiropractor</source>
        <translation>Chiropracteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Osteopath</source>
        <translation>Ostéopathe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Podiatrist</source>
        <translation>Podologue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech therapist</source>
        <translation>Orthophoniste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Babysitter</source>
        <translation>Baby-sitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nanny</source>
        <translation>Nounou</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daycare</source>
        <translation>Crèche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preschool / kindergarten</source>
        <translation>École maternelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tutor</source>
        <translation>Soutien scolaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plumber</source>
        <translation>Plombier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electrician</source>
        <translation>Électricien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carpenter</source>
        <translation>Menuisier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Painter &amp; decorator</source>
        <translation>Peintre en bâtiment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roofer</source>
        <translation>Couvreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locksmith</source>
        <translation>Serrurier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handyman</source>
        <translation>Homme à tout faire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>House cleaner</source>
        <translation>Aide ménagère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gardener / landscaper</source>
        <translation>Jardinier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heating &amp; HVAC technician</source>
        <translation>Chauffagiste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glazier</source>
        <translation>Vitrier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiler</source>
        <translation>Carreleur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Builder / general contractor</source>
        <translation>Entreprise de construction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chimney sweep</source>
        <translation>Ramoneur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pest control</source>
        <translation>Dératisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appliance repair</source>
        <translation>Réparation électroménager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architect</source>
        <translation>Architecte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Veterinarian</source>
        <translation>Vétérinaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dog walker</source>
        <translation>Promeneur de chiens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pet groomer</source>
        <translation>Toiletteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pet sitter</source>
        <translation>Garde d&apos;animaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pet boarding / kennel</source>
        <translation>Pension pour animaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dog trainer</source>
        <translation>Éducateur canin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hairdresser</source>
        <translation>Coiffeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barber</source>
        <translation>Barbier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beauty salon</source>
        <translation>Institut de beauté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nail salon</source>
        <translation>Onglerie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Massage</source>
        <translation>Massage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tattoo artist</source>
        <translation>Tatoueur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accountant</source>
        <translation>Comptable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax advisor</source>
        <translation>Conseiller fiscal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lawyer</source>
        <translation>Avocat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notary</source>
        <translation>Notaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insurance agent</source>
        <translation>Agent d&apos;assurance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Financial advisor</source>
        <translation>Conseiller financier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Real estate agent</source>
        <translation>Agent immobilier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Car mechanic</source>
        <translation>Garagiste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tire shop</source>
        <translation>Centre pneus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Car wash</source>
        <translation>Station de lavage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Driving school</source>
        <translation>Auto-école</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bike shop &amp; repair</source>
        <translation>Vélociste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bakery</source>
        <translation>Boulangerie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Butcher</source>
        <translation>Boucherie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caterer</source>
        <translation>Traiteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Greengrocer</source>
        <translation>Primeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fish market</source>
        <translation>Poissonnerie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Music teacher</source>
        <translation>Professeur de musique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language school</source>
        <translation>École de langues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Swimming lessons</source>
        <translation>Cours de natation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sports coach / personal trainer</source>
        <translation>Coach sportif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dance school</source>
        <translation>École de danse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tailor / alterations</source>
        <translation>Retouches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shoe repair</source>
        <translation>Cordonnier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photographer</source>
        <translation>Photographe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Movers</source>
        <translation>Déménageur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computer &amp; phone repair</source>
        <translation>Réparation informatique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dry cleaner</source>
        <translation>Pressing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laundromat</source>
        <translation>Laverie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Florist</source>
        <translation>Fleuriste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch &amp; clock repair</source>
        <translation>Horloger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funeral director</source>
        <translation>Pompes funèbres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translator</source>
        <translation>Traducteur</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash_dialog.py" line="+32"/>
        <source>Grapevine ran into a problem</source>
        <translation>Grapevine a rencontré un problème</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Something went wrong that should not have. Your data is safe: nothing half-written is kept. Please copy this report into a bug report.</source>
        <translation>Une erreur inattendue s’est produite. Vos données sont intactes&#xa0;: rien d’inachevé n’est enregistré. Veuillez copier ce rapport dans un signalement de bogue.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Crash report</source>
        <translation>Rapport d’erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
</context>
<context>
    <name>CreateGroupDialog</name>
    <message>
        <location filename="../../ui/group_dialogs.py" line="-255"/>
        <source>Create a group</source>
        <translation>Créer un groupe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Elm Street parents</source>
        <translation>p. ex. Parents de la rue des Tilleuls</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group name</source>
        <translation>Nom du groupe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group &amp;name:</source>
        <translation>&amp;Nom du groupe&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the group a name.</source>
        <translation>Donnez un nom au groupe.</translation>
    </message>
</context>
<context>
    <name>CsvMappingDialog</name>
    <message>
        <location filename="../../ui/csv_mapping_dialog.py" line="+44"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>Horaires d’ouverture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service area</source>
        <translation>Zone d’intervention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service radius (km)</source>
        <translation>Rayon d’intervention (km)</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Import {file}</source>
        <translation>Importer {file}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file} has {rows} rows. Choose the column that fills each vendor field; name and category are required.</source>
        <translation>{file} contient {rows} lignes. Choisissez la colonne qui remplit chaque champ du prestataire&#xa0;; le nom et la catégorie sont obligatoires.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First rows of the file</source>
        <translation>Premières lignes du fichier</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Column for {field}</source>
        <translation>Colonne pour {field}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not in this file)</source>
        <translation>(absent de ce fichier)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{field} (required)</source>
        <translation>{field} (obligatoire)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}:</source>
        <translation>{field}&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None: a row without a category stops the import</source>
        <translation>Aucune&#xa0;: une ligne sans catégorie arrête l’importation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category for rows with an empty one</source>
        <translation>Catégorie des lignes sans catégorie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category for rows with an &amp;empty one:</source>
        <translation>Catégorie des lignes &amp;sans catégorie&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem with the mapping</source>
        <translation>Problème d’association des colonnes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose the column that holds each vendor&apos;s {field}.</source>
        <translation>Choisissez la colonne qui contient le champ «&#xa0;{field}&#xa0;» des prestataires.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Column “{column}” is chosen for both {first} and {second}.</source>
        <translation>La colonne «&#xa0;{column}&#xa0;» est choisie à la fois pour {first} et pour {second}.</translation>
    </message>
</context>
<context>
    <name>DirectoryActions</name>
    <message>
        <location filename="../../ui/directory_actions.py" line="+57"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Vendor</source>
        <translation>Pres&amp;tataire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New vendor…</source>
        <translation>&amp;Nouveau prestataire…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit vendor…</source>
        <translation>&amp;Modifier le prestataire…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a &amp;review…</source>
        <translation>Rédiger un &amp;avis…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete vendor</source>
        <translation>&amp;Supprimer le prestataire</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find &amp;duplicates…</source>
        <translation>Chercher les &amp;doublons…</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../../ui/duplicates_dialog.py" line="+43"/>
        <source>names {percent}% alike</source>
        <translation>noms semblables à {percent}&#xa0;%</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>{metres} m apart</source>
        <translation>à {metres} m l’un de l’autre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same phone number</source>
        <translation>même numéro de téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different phone numbers</source>
        <translation>numéros de téléphone différents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same website</source>
        <translation>même site web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different websites</source>
        <translation>sites web différents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same e-mail address</source>
        <translation>même adresse e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same category</source>
        <translation>même catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different categories</source>
        <translation>catégories différentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>different numbers in the names</source>
        <translation>chiffres différents dans les noms</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location line="+108"/>
        <location line="+8"/>
        <source>Possible duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Looking for vendors listed twice…</source>
        <translation>Recherche des prestataires inscrits deux fois…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the first vendor, with the reviews and details of both</source>
        <translation>Garder le premier prestataire, avec les avis et les coordonnées des deux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the &amp;other</source>
        <translation>Garder l’&amp;autre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Not the same</source>
        <translation>&amp;Pas le même</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo merge</source>
        <translation>&amp;Annuler la fusion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bring back the vendor merged last, with its reviews</source>
        <translation>Faire revenir le dernier prestataire fusionné, avec ses avis</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{count} pairs may be the same vendor. Merging keeps every review.</source>
        <translation>{count} paires sont peut-être le même prestataire. La fusion garde tous les avis.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No duplicates found.</source>
        <translation>Aucun doublon trouvé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not merge: {reason}</source>
        <translation>Fusion impossible&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Merged “{duplicate}” into “{survivor}”: {moved} reviews moved.</source>
        <translation>«&#xa0;{duplicate}&#xa0;» fusionné avec «&#xa0;{survivor}&#xa0;»&#xa0;: {moved} avis déplacés.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>“{duplicate}” is back, with its reviews.</source>
        <translation>«&#xa0;{duplicate}&#xa0;» est de retour, avec ses avis.</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <location line="-184"/>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge into it</source>
        <translation>À fusionner dedans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likelihood</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <location filename="../../ui/form_errors.py" line="+87"/>
        <source>Problem with {field}</source>
        <translation>Problème avec {field}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Problem saving</source>
        <translation>Problème d’enregistrement</translation>
    </message>
</context>
<context>
    <name>FieldHistory</name>
    <message>
        <location filename="../../ui/field_history_dialog.py" line="+57"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service area</source>
        <translation>Zone desservie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service radius (km)</source>
        <translation>Rayon desservi (km)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>Horaires d’ouverture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source id</source>
        <translation>Identifiant dans la source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attribution</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>You (this device)</source>
        <translation>Vous (cet appareil)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Another device ({device})</source>
        <translation>Un autre appareil ({device})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Current: won over a concurrent edit</source>
        <translation>Actuelle&#xa0;: l’a emporté sur une modification simultanée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current</source>
        <translation>Actuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Concurrent edit: lost to a later one (kept here)</source>
        <translation>Modification simultanée&#xa0;: une plus récente l’a emporté (conservée ici)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrived after a newer value</source>
        <translation>Arrivée après une valeur plus récente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaced by a later edit</source>
        <translation>Remplacée par une modification ultérieure</translation>
    </message>
</context>
<context>
    <name>FieldHistoryDialog</name>
    <message>
        <location line="+84"/>
        <source>Change history</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading the history…</source>
        <translation>Lecture de l’historique…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Values of each field over time</source>
        <translation>Valeurs de chaque champ au fil du temps</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No changes have been recorded for this vendor.</source>
        <translation>Aucune modification n’est enregistrée pour ce prestataire.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Concurrent edits (made without seeing each other) in: {fields}. The later edit won everywhere; the other value is kept here.</source>
        <translation>Modifications simultanées (faites sans se voir) dans&#xa0;: {fields}. La plus récente l’emporte partout&#xa0;; l’autre valeur est conservée ici.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No concurrent edits are known to this computer.</source>
        <translation>Aucune modification simultanée n’est connue de cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>FieldHistoryModel</name>
    <message>
        <location line="-87"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written</source>
        <translation>Écrite le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
</context>
<context>
    <name>FiltersBar</name>
    <message>
        <location filename="../../ui/filters_bar.py" line="+32"/>
        <source>Minimum rating</source>
        <translation>Note minimale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any rating</source>
        <translation>Toutes les notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Maximum distance</source>
        <translation>Distance maximale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any distance</source>
        <translation>Toutes les distances</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>within {km:g} km</source>
        <translation>à moins de {km:g} km</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only my &amp;network</source>
        <translation>Mon réseau &amp;uniquement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open now</source>
        <translation>&amp;Ouvert maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only vendors whose opening hours say they are open now</source>
        <translation>Seulement les prestataires ouverts maintenant selon leurs horaires</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search near</source>
        <translation>Chercher autour de</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search location</source>
        <translation>Lieu de recherche</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Looking up {place}…</source>
        <translation>Recherche de {place}…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No place found for {place}</source>
        <translation>Aucun lieu trouvé pour {place}</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Filters:</source>
        <translation>Filtres&#xa0;:</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>home, or type a place</source>
        <translation>chez moi, ou un lieu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search near home, or near a place (looked up when online) or coordinates such as 52.205, 0.122</source>
        <translation>Chercher près de chez moi, ou d’un lieu (recherché en ligne) ou de coordonnées comme 52.205, 0.122</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>N&amp;ear:</source>
        <translation>Autour &amp;de&#xa0;:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Type coordinates such as 52.205, 0.122</source>
        <translation>Saisissez des coordonnées, par exemple 52.205, 0.122</translation>
    </message>
</context>
<context>
    <name>GroupFormDialog</name>
    <message>
        <location filename="../../ui/group_dialogs.py" line="-70"/>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>GroupMenu</name>
    <message>
        <location line="+371"/>
        <source>&amp;Group</source>
        <translation>&amp;Groupe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create a group…</source>
        <translation>&amp;Créer un groupe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Join a group…</source>
        <translation>&amp;Rejoindre un groupe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Invite someone…</source>
        <translation>&amp;Inviter quelqu’un…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Leave a group…</source>
        <translation>&amp;Quitter un groupe…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{group} on {server}</source>
        <translation>{group} sur {server}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{group} (admin)</source>
        <translation>{group} (administration)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>You are in {group}: its directory arrives now.</source>
        <translation>Vous êtes dans {group}&#xa0;: son annuaire arrive maintenant.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You left {group}. Everything in your directory stays on this computer.</source>
        <translation>Vous avez quitté {group}. Tout votre annuaire reste sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>HomeLookup</name>
    <message>
        <location filename="../../ui/welcome_dialog.py" line="+50"/>
        <source>You can type coordinates instead, such as 52.2053, 0.1218.</source>
        <translation>Vous pouvez saisir des coordonnées à la place, par exemple 52.2053, 0.1218.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot reach the place search server; you seem to be offline.</source>
        <translation>Impossible de joindre le serveur de recherche de lieux&#xa0;; vous semblez être hors ligne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The place search server did not answer in time.</source>
        <translation>Le serveur de recherche de lieux n’a pas répondu à temps.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The place search server asks to slow down; try again in a minute.</source>
        <translation>Le serveur de recherche de lieux demande de ralentir&#xa0;; réessayez dans une minute.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The place search server refused the request.</source>
        <translation>Le serveur de recherche de lieux a refusé la demande.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The place search server gave an unusable answer.</source>
        <translation>Le serveur de recherche de lieux a renvoyé une réponse inutilisable.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Those coordinates are out of range: latitude -90 to 90, longitude -180 to 180.</source>
        <translation>Ces coordonnées sont hors limites&#xa0;: latitude de -90 à 90, longitude de -180 à 180.</translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <location filename="../../ui/import_export.py" line="+101"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{importer}…</source>
        <translation>{importer}…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export the directory…</source>
        <translation>&amp;Exporter l’annuaire…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Import: {importer}</source>
        <translation>Importer&#xa0;: {importer}</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Importing {file}…</source>
        <translation>Importation de {file}…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Imported {file}: {added} added, {updated} updated, {skipped} skipped</source>
        <translation>{file} importé&#xa0;: {added} ajoutés, {updated} mis à jour, {skipped} ignorés</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import of {file} cancelled: nothing was imported</source>
        <translation>Importation de {file} annulée&#xa0;: rien n’a été importé</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Exported to {file}</source>
        <translation>Exporté vers {file}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not export</source>
        <translation>Exportation impossible</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was imported or exported: {reason}</source>
        <translation>Rien n’a été importé ni exporté&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Grapevine files (*.json)</source>
        <translation>Fichiers Grapevine (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
</context>
<context>
    <name>ImportKinds</name>
    <message>
        <location filename="../../ui/import_kinds.py" line="+42"/>
        <source>Grapevine directory file</source>
        <translation>Fichier d’annuaire Grapevine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheet of vendors (CSV)</source>
        <translation>Tableur de prestataires (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contacts (vCard, jCard, xCard)</source>
        <translation>Contacts (vCard, jCard, xCard)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yelp business listings</source>
        <translation>Fiches d’entreprises Yelp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenStreetMap extract</source>
        <translation>Extrait OpenStreetMap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Google Maps saved places (Takeout)</source>
        <translation>Lieux enregistrés de Google Maps (Takeout)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{label} ({patterns})</source>
        <translation>{label} ({patterns})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vendors</source>
        <translation>Prestataires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust links</source>
        <translation>Liens de confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews</source>
        <translation>Avis</translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <location filename="../../ui/import_options_dialog.py" line="+37"/>
        <source>Distrust: their reviews will be ignored</source>
        <translation>Méfiance&#xa0;: leurs avis seront ignorés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust a little</source>
        <translation>Confiance légère</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust somewhat</source>
        <translation>Confiance moyenne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust a lot</source>
        <translation>Grande confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust completely</source>
        <translation>Confiance totale</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Import {file}</source>
        <translation>Importer {file}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give new contacts a &amp;trust level</source>
        <translation>Donner aux nouveaux contacts un niveau de &amp;confiance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Business cards become vendors</source>
        <translation>Les cartes d’&amp;entreprise deviennent des prestataires</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None: skip them and list them in the summary</source>
        <translation>Aucune&#xa0;: les ignorer et les lister dans le bilan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category for records without one Grapevine knows</source>
        <translation>Catégorie des fiches sans catégorie connue de Grapevine</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New people</source>
        <translation>Nouvelles personnes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give new contacts a trust level</source>
        <translation>Donner aux nouveaux contacts un niveau de confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust level for new contacts</source>
        <translation>Niveau de confiance des nouveaux contacts</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What this trust level means</source>
        <translation>Ce que signifie ce niveau de confiance</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>distrust</source>
        <translation>méfiance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>full trust</source>
        <translation>confiance totale</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Grapevine does not know who you are yet: new contacts come in without a trust level.</source>
        <translation>Grapevine ne sait pas encore qui vous êtes&#xa0;: les nouveaux contacts arrivent sans niveau de confiance.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Businesses</source>
        <translation>Entreprises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business cards become vendors</source>
        <translation>Les cartes d’entreprise deviennent des prestataires</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Category for cards without a known one:</source>
        <translation>Ca&amp;tégorie des cartes sans catégorie connue&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Listings</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Category for listings Grapevine cannot place:</source>
        <translation>&amp;Catégorie des fiches que Grapevine ne sait pas classer&#xa0;:</translation>
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
        <translation>Importation de {file}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import status</source>
        <translation>État de l’importation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import progress</source>
        <translation>Avancement de l’importation</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Saving {file}…</source>
        <translation>Enregistrement de {file}…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopping… nothing from the file will be kept.</source>
        <translation>Arrêt en cours… rien du fichier ne sera conservé.</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../ui/import_summary_dialog.py" line="+39"/>
        <source>Import result</source>
        <translation>Résultat de l’importation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What was imported</source>
        <translation>Ce qui a été importé</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Copy details</source>
        <translation>&amp;Copier les détails</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported {file}</source>
        <translation>{file} importé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{kind}: {added} added, {updated} updated</source>
        <translation>{kind}&#xa0;: {added} ajoutés, {updated} mis à jour</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skipped: {count}</source>
        <translation>Ignorés&#xa0;: {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing new: the directory already had everything in this file.</source>
        <translation>Rien de nouveau&#xa0;: l’annuaire contenait déjà tout ce fichier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Skipped records and why:</source>
        <translation>Fiches i&amp;gnorées et pourquoi&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped records and why</source>
        <translation>Fiches ignorées et pourquoi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import failed</source>
        <translation>Échec de l’importation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was imported from {file}</source>
        <translation>Rien n’a été importé de {file}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your directory was not changed. Fix the file and import it again.</source>
        <translation>Votre annuaire n’a pas été modifié. Corrigez le fichier et importez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Where and why:</source>
        <translation>&amp;Où et pourquoi&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where and why</source>
        <translation>Où et pourquoi</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import cancelled</source>
        <translation>Importation annulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import of {file} cancelled</source>
        <translation>Importation de {file} annulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was imported: your directory is as it was before.</source>
        <translation>Rien n’a été importé&#xa0;: votre annuaire est tel qu’il était.</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <location filename="../../ui/group_dialogs.py" line="-350"/>
        <source>Invite someone</source>
        <translation>Inviter quelqu’un</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Valid for</source>
        <translation>Valable pendant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{days} day(s)</source>
        <translation>{days} jour(s)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How many people may use it</source>
        <translation>Combien de personnes peuvent l’utiliser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Make a code</source>
        <translation>&amp;Créer un code</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invite code</source>
        <translation>Code d’invitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>Co&amp;pier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Group:</source>
        <translation>&amp;Groupe&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Valid for:</source>
        <translation>&amp;Valable pendant&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;People:</source>
        <translation>&amp;Personnes&#xa0;:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>For {uses} person(s), valid until {when}. They join with Group ▸ Join a group… and {server}</source>
        <translation>Pour {uses} personne(s), valable jusqu’au {when}. On le saisit dans Groupe ▸ Rejoindre un groupe… avec {server}</translation>
    </message>
</context>
<context>
    <name>JoinGroupDialog</name>
    <message>
        <location line="-105"/>
        <source>Join a group</source>
        <translation>Rejoindre un groupe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invite code</source>
        <translation>Code d’invitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invite &amp;code:</source>
        <translation>&amp;Code d’invitation&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the invite code you were given.</source>
        <translation>Saisissez le code d’invitation que vous avez reçu.</translation>
    </message>
</context>
<context>
    <name>LeaveGroupDialog</name>
    <message>
        <location line="+142"/>
        <source>Leave a group</source>
        <translation>Quitter un groupe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You will stop receiving the group&apos;s news, and your changes will no longer be sent to it. Everything already in your directory stays on this computer.</source>
        <translation>Vous ne recevrez plus les nouvelles du groupe, et vos modifications ne lui seront plus envoyées. Tout ce qui est déjà dans votre annuaire reste sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Leave group</source>
        <translation>&amp;Quitter le groupe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Group:</source>
        <translation>&amp;Groupe&#xa0;:</translation>
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
        <translation>Résultats de recherche</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Map of vendors around home</source>
        <translation>Carte des prestataires autour de chez vous</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Results</source>
        <translation>&amp;Résultats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Map</source>
        <translation>&amp;Carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;People and trust</source>
        <translation>&amp;Personnes et confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top &amp;recommenders</source>
        <translation>&amp;Meilleurs recommandeurs</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Loading the neighbourhood…</source>
        <translation>Chargement du quartier…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{vendors} vendors · {people} people</source>
        <translation>{vendors} prestataires · {people} personnes</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>This vendor is no longer in the directory.</source>
        <translation>Ce prestataire ne figure plus dans l’annuaire.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../ui/map_view.py" line="+38"/>
        <source>Map of vendors</source>
        <translation>Carte des prestataires</translation>
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
        <translation>Santé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Children</source>
        <translation>Enfants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>Maison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pets</source>
        <translation>Animaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal care</source>
        <translation>Soins personnels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money and legal</source>
        <translation>Argent et droit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Car</source>
        <translation>Voiture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food</source>
        <translation>Alimentation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lessons</source>
        <translation>Cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autres</translation>
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
        <translation>Ouvert maintenant, jour et nuit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open now · until {time}</source>
        <translation>Ouvert maintenant · jusqu’à {time}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>May be open now</source>
        <translation>Peut-être ouvert maintenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Fermé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed · opens {time}</source>
        <translation>Fermé · ouvre {time}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{hours} (uncertain)</source>
        <translation>{hours} (incertain)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opening hours</source>
        <translation>Horaires d’ouverture</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shown as entered; Grapevine could not read it ({reason}).</source>
        <translation>Affiché tel que saisi&#xa0;; Grapevine n’a pas pu le lire ({reason}).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hours may differ on public holidays.</source>
        <translation>Les horaires peuvent différer les jours fériés.</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../ui/models/people_model.py" line="+80"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My trust</source>
        <translation>Ma confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust by category</source>
        <translation>Confiance par catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews</source>
        <translation>Avis</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>distrust</source>
        <translation>méfiance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>trust %s</source>
        <translation>confiance %s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>direct</source>
        <translation>direct</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n steps</source>
        <translation>
            <numerusform>%n étape</numerusform>
            <numerusform>%n étapes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>%1 · weight %2</source>
        <translation>%1 · poids %2</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>like-minded</source>
        <translation>affinités</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>distrusted</source>
        <translation>non fiable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not connected</source>
        <translation>non relié</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not in the ranking yet.</source>
        <translation>Pas encore dans le classement.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You distrust %1: their reviews are ignored.</source>
        <translation>Vous vous méfiez de %1&#xa0;: ses avis sont ignorés.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you</source>
        <translation>vous</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No trust path, but like-minded · weight %1</source>
        <translation>Aucun chemin de confiance, mais des affinités · poids %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Not connected within %n steps.</source>
        <translation>
            <numerusform>Aucun lien en %n étape.</numerusform>
            <numerusform>Aucun lien en %n étapes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../ui/people_panel.py" line="+73"/>
        <source>People and trust</source>
        <translation>Personnes et confiance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter contacts</source>
        <translation>Filtrer les contacts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter contacts…</source>
        <translation>Filtrer les contacts…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+18"/>
        <source>Selected person</source>
        <translation>Personne sélectionnée</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>How you&apos;re connected</source>
        <translation>Comment vous êtes reliés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My trust level</source>
        <translation>Mon niveau de confiance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What this trust level means</source>
        <translation>Ce que signifie ce niveau de confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set trust</source>
        <translation>Définir la confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove trust</source>
        <translation>Retirer la confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trust level for this category</source>
        <translation>Niveau de confiance pour cette catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust on category</source>
        <translation>Faire confiance pour la catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust by category</source>
        <translation>Confiance par catégorie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove category trust</source>
        <translation>Retirer la confiance pour la catégorie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How you&apos;re connected:</source>
        <translation>Comment vous êtes reliés&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My trust (-1 distrust … 1 full trust):</source>
        <translation>Ma confiance (-1 méfiance … 1 confiance totale)&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust on:</source>
        <translation>Confiance pour&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New contact&apos;s name</source>
        <translation>Nom du nouveau contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New contact&apos;s email</source>
        <translation>E-mail du nouveau contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New contact&apos;s phone</source>
        <translation>Téléphone du nouveau contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Add contact</source>
        <translation>Ajouter le contact</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email (optional):</source>
        <translation>E-mail (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone (optional):</source>
        <translation>Téléphone (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Select a contact to see and set your trust in them.</source>
        <translation>Sélectionnez un contact pour voir et définir la confiance que vous lui accordez.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>distrust: their reviews will be ignored</source>
        <translation>méfiance&#xa0;: ses avis seront ignorés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trust %s</source>
        <translation>confiance %s</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../ui/reason_text.py" line="+27"/>
        <source>{name} in your network</source>
        <translation>{name} de votre réseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} and 1 other you trust</source>
        <translation>{name} et 1 autre personne de confiance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} and {count} others you trust</source>
        <translation>{name} et {count} autres personnes de confiance</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 person in your network</source>
        <translation>1 personne de votre réseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} people in your network</source>
        <translation>{count} personnes de votre réseau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you, {others}</source>
        <translation>vous, {others}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>your review</source>
        <translation>votre avis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 like-minded reviewer</source>
        <translation>1 avis d’une personne aux goûts proches</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} like-minded reviewers</source>
        <translation>{count} personnes aux goûts proches</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mostly people you don&apos;t know</source>
        <translation>surtout des gens que vous ne connaissez pas</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>open now</source>
        <translation>ouvert maintenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed now</source>
        <translation>fermé maintenant</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 review</source>
        <translation>1 avis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} reviews</source>
        <translation>{count} avis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no address</source>
        <translation>sans adresse</translation>
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
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews</source>
        <translation>Avis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How you&apos;re connected</source>
        <translation>Comment vous êtes reliés</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>like-minded</source>
        <translation>affinités</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you</source>
        <translation>vous</translation>
    </message>
</context>
<context>
    <name>RecommendersView</name>
    <message>
        <location line="+10"/>
        <source>Most relied-upon recommenders</source>
        <translation>Les recommandeurs sur qui vous comptez le plus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The people whose reviews count most for you</source>
        <translation>Les personnes dont les avis comptent le plus pour vous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust some contacts to see whose reviews you rely on.</source>
        <translation>Accordez votre confiance à quelques contacts pour voir sur quels avis vous vous appuyez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recommenders</source>
        <translation>Recommandeurs</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../ui/models/results_model.py" line="+50"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../ui/review_dialog.py" line="+84"/>
        <source>Review {vendor}</source>
        <translation>Donner un avis sur {vendor}</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+78"/>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Choose a rating</source>
        <translation>Choisissez une note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>poor</source>
        <translation>médiocre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fair</source>
        <translation>passable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>good</source>
        <translation>bien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>very good</source>
        <translation>très bien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>excellent</source>
        <translation>excellent</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What was good, what was not?</source>
        <translation>Qu’est-ce qui était bien, qu’est-ce qui ne l’était pas&#xa0;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD (optional)</source>
        <translation>AAAA-MM-JJ (facultatif)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>comma-separated, e.g. friendly, on time</source>
        <translation>séparés par des virgules, par ex. aimable, ponctuel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Who says so</source>
        <translation>&amp;Qui le dit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rating</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;view</source>
        <translation>&amp;Commentaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Visited on</source>
        <translation>&amp;Visité le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags</source>
        <translation>É&amp;tiquettes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Share with</source>
        <translation>&amp;Partager avec</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{name} told me</source>
        <translation>{name} me l’a dit</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Set yourself up (your name) before writing reviews.</source>
        <translation>Indiquez d’abord qui vous êtes (votre nom) avant de rédiger des avis.</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../ui/search_bar.py" line="+25"/>
        <source>What are you looking for? A dentist, a plumber, a name…</source>
        <translation>Que cherchez-vous&#xa0;? Un dentiste, un plombier, un nom…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search vendors</source>
        <translation>Rechercher des prestataires</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Quick picks:</source>
        <translation>Accès rapide&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search for {category}</source>
        <translation>Rechercher {category}</translation>
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
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow an &amp;unencrypted connection (http://) to another computer</source>
        <translation>Autoriser une connexion &amp;non chiffrée (http://) vers un autre ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow an unencrypted connection</source>
        <translation>Autoriser une connexion non chiffrée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Without https:// anyone on the network can read your group&apos;s directory and this device&apos;s key. Only allow this on a network you trust.</source>
        <translation>Sans https://, n’importe qui sur le réseau peut lire l’annuaire de votre groupe et la clé de cet appareil. Ne l’autorisez que sur un réseau de confiance.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>This address uses plain http:// to another computer: anyone on the network could read your group&apos;s data. Use https://, or tick “Allow an unencrypted connection”.</source>
        <translation>Cette adresse utilise http:// en clair vers un autre ordinateur&#xa0;: n’importe qui sur le réseau pourrait lire les données de votre groupe. Utilisez https://, ou cochez « Autoriser une connexion non chiffrée ».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a server address. Type it as https://sync.example.org</source>
        <translation>Ce n’est pas une adresse de serveur. Saisissez-la sous la forme https://sync.example.org</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+88"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust horizon</source>
        <translation>Horizon de confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decay per link</source>
        <translation>Atténuation par lien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stranger weight</source>
        <translation>Poids des inconnus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rating weight</source>
        <translation>Poids de la note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map tiles</source>
        <translation>Tuiles de carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tile credit</source>
        <translation>Crédit des tuiles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An address, or coordinates such as 52.2053, 0.1218</source>
        <translation>Une adresse, ou des coordonnées comme 52.2053, 0.1218</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> links</source>
        <translation> liens</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None: the map shows pins without streets</source>
        <translation>Aucune&#xa0;: la carte montre les repères sans les rues</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. © OpenStreetMap contributors</source>
        <translation>p. ex. © contributeurs d’OpenStreetMap</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Home:</source>
        <translation>&amp;Domicile&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>Domicile</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{setting}:</source>
        <translation>{setting}&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Distance that counts as near, per category</source>
        <translation>Distance considérée comme proche, par catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Default km</source>
        <translation>Par défaut (km)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your km</source>
        <translation>Vos km</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Distance that still counts as near (leave blank for the default):</source>
        <translation>Distance encore considérée comme proche (laisser vide pour la valeur par défaut)&#xa0;:</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The radius for {category}</source>
        <translation>Le rayon pour {category}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{setting} must be between {low} and {high}.</source>
        <translation>{setting} doit être compris entre {low} et {high}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{setting} must be a number.</source>
        <translation>{setting} doit être un nombre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tile address must start with https:// and contain {z}, {x} and {y}.</source>
        <translation>L’adresse des tuiles doit commencer par https:// et contenir {z}, {x} et {y}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{setting} is too long.</source>
        <translation>{setting} est trop long.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{setting} is not valid.</source>
        <translation>{setting} n’est pas valide.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Place search is not available. Type coordinates such as 52.2053, 0.1218.</source>
        <translation>La recherche de lieux n’est pas disponible. Saisissez des coordonnées, par exemple 52.2053, 0.1218.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Looking up your home…</source>
        <translation>Recherche de votre domicile…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No place found for that address. Check it, or type coordinates instead.</source>
        <translation>Aucun lieu trouvé pour cette adresse. Vérifiez-la, ou saisissez plutôt des coordonnées.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cannot save: {error}</source>
        <translation>Enregistrement impossible&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/app.py" line="+185"/>
        <source>Cannot open the directory: {error}</source>
        <translation>Impossible d’ouvrir l’annuaire&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_controller.py" line="+178"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send your changes to your groups and fetch theirs</source>
        <translation>Envoyer vos modifications à vos groupes et récupérer les leurs</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sync status</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{group}: sent {pushed}, received {pulled}</source>
        <translation>{group}&#xa0;: {pushed} envoyées, {pulled} reçues</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{group}: {count} change(s) not accepted by the server</source>
        <translation>{group}&#xa0;: {count} modification(s) refusée(s) par le serveur</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> · {count} changes waiting</source>
        <translation> · {count} modifications en attente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synced {when}</source>
        <translation>Synchronisé {when}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{minutes} min ago</source>
        <translation>il y a {minutes} min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{hours} h ago</source>
        <translation>il y a {hours} h</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on {when}</source>
        <translation>le {when}</translation>
    </message>
</context>
<context>
    <name>SyncError</name>
    <message>
        <location line="-226"/>
        <source>Tell Grapevine who you are first (your name): the group needs it to show whose reviews are whose.</source>
        <translation>Dites d’abord à Grapevine qui vous êtes (votre nom)&#xa0;: le groupe en a besoin pour montrer qui a écrit chaque avis.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot reach the sync server. Check the address and your connection.</source>
        <translation>Impossible de joindre le serveur de synchronisation. Vérifiez l’adresse et votre connexion.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline: cannot reach {host} (will retry)</source>
        <translation>Hors ligne&#xa0;: impossible de joindre {host} (nouvel essai prévu)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This device&apos;s access to {group} was revoked. Ask the group&apos;s admin for a new invite.</source>
        <translation>L’accès de cet appareil à {group} a été révoqué. Demandez une nouvelle invitation à l’administrateur du groupe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{group}: the server refused changes as too large. They stay on this computer.</source>
        <translation>{group}&#xa0;: le serveur a refusé des modifications trop volumineuses. Elles restent sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server asks us to slow down: trying again later.</source>
        <translation>Le serveur demande de ralentir&#xa0;: nouvel essai plus tard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sync server for {group} has a problem (error {status}); will retry.</source>
        <translation>Le serveur de synchronisation de {group} a un problème (erreur {status})&#xa0;; nouvel essai prévu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sync server refused: {reason}</source>
        <translation>Le serveur de synchronisation a refusé&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>UndoableDeletes</name>
    <message>
        <location filename="../../ui/undo.py" line="+70"/>
        <location line="+80"/>
        <source>&amp;Undo delete</source>
        <translation>&amp;Annuler la suppression</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Bring back what was deleted last</source>
        <translation>Rétablir le dernier élément supprimé</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>That can no longer be undone.</source>
        <translation>Cette action ne peut plus être annulée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This vendor is no longer in the directory.</source>
        <translation>Ce prestataire ne figure plus dans l’annuaire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This review no longer exists.</source>
        <translation>Cet avis n’existe plus.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Undo delete vendor</source>
        <translation>&amp;Annuler la suppression du prestataire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo delete review</source>
        <translation>&amp;Annuler la suppression de l’avis</translation>
    </message>
</context>
<context>
    <name>ValidationError</name>
    <message>
        <location filename="../../ui/form_errors.py" line="-99"/>
        <source>This is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is too long (at most {limit} characters).</source>
        <translation>C’est trop long ({limit} caractères au maximum).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a value between {low} and {high}.</source>
        <translation>Saisissez une valeur entre {low} et {high}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a number.</source>
        <translation>Saisissez un nombre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a valid {kind}.</source>
        <translation>Ce n’est pas une valeur valide ({kind}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This refers to a {kind} that no longer exists.</source>
        <translation>Cela fait référence à un élément ({kind}) qui n’existe plus.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{reason}.</source>
        <translation>{reason}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“{value}” is not a known category. Did you mean {names}?</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une catégorie connue. Vouliez-vous dire {names}&#xa0;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{value}” is not a known category. Pick one from the list.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une catégorie connue. Choisissez-en une dans la liste.</translation>
    </message>
</context>
<context>
    <name>VendorDialog</name>
    <message>
        <location filename="../../ui/vendor_dialog.py" line="+61"/>
        <source>Edit vendor</source>
        <translation>Modifier le prestataire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a vendor</source>
        <translation>Ajouter un prestataire</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pick or type a category, e.g. “Kinderarzt” or “plumber”</source>
        <translation>Choisissez ou saisissez une catégorie, par ex. «&#xa0;pédiatre&#xa0;» ou «&#xa0;plombier&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 48.2082</source>
        <translation>par ex. 48.2082</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 16.3738</source>
        <translation>par ex. 16.3738</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For vendors who come to you, e.g. “Leopoldstadt”</source>
        <translation>Pour les prestataires qui viennent chez vous, par ex. «&#xa0;Leopoldstadt&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. Mo-Fr 08:00-18:00; Sa 09:00-12:00</source>
        <translation>par ex. Mo-Fr 08:00-18:00; Sa 09:00-12:00</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Category</source>
        <translation>&amp;Catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Latitude</source>
        <translation>&amp;Latitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;ongitude</source>
        <translation>L&amp;ongitude</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service area</source>
        <translation>&amp;Zone d’intervention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service &amp;radius (km)</source>
        <translation>&amp;Rayon d’intervention (km)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>Télé&amp;phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Email</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Website</source>
        <translation>Site &amp;web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening &amp;hours</source>
        <translation>&amp;Horaires d’ouverture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No&amp;tes</source>
        <translation>No&amp;tes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Share w&amp;ith</source>
        <translation>Partager a&amp;vec</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>This vendor is no longer in the directory.</source>
        <translation>Ce prestataire ne figure plus dans l’annuaire.</translation>
    </message>
</context>
<context>
    <name>VendorPane</name>
    <message>
        <location filename="../../ui/vendor_pane.py" line="+62"/>
        <source>Vendor details</source>
        <translation>Détails du prestataire</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vendor name</source>
        <translation>Nom du prestataire</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact details</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as vCard…</source>
        <translation>Enregistrer en vCard…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this vendor as a vCard</source>
        <translation>Enregistrer ce prestataire en vCard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this vendor&apos;s change history</source>
        <translation>Afficher l’historique des modifications de ce prestataire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address or service area</source>
        <translation>Adresse ou zone d’intervention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>Horaires d’ouverture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the vendor is</source>
        <translation>Où se trouve le prestataire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why this rank</source>
        <translation>Pourquoi ce classement</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Pick a result to see who recommends it and how to reach it.</source>
        <translation>Choisissez un résultat pour voir qui le recommande et comment le joindre.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loading contact details…</source>
        <translation>Chargement des coordonnées…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No contact details yet.</source>
        <translation>Pas encore de coordonnées.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Serves {area} (within {km:.0f} km)</source>
        <translation>Intervient à {area} (dans un rayon de {km:.0f} km)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serves {area}</source>
        <translation>Intervient à {area}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>★ {rating:.1f} from {count} reviews</source>
        <translation>★ {rating:.1f} sur {count} avis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No reviews yet</source>
        <translation>Pas encore d’avis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{km:.1f} km away</source>
        <translation>à {km:.1f} km</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your network</source>
        <translation>Votre réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Like-minded reviewers</source>
        <translation>Personnes aux goûts proches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Others</source>
        <translation>Autres</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>and {count} more</source>
        <translation>et {count} de plus</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>your review</source>
        <translation>votre avis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you</source>
        <translation>vous</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>weight {weight:.2f}</source>
        <translation>poids {weight:.2f}</translation>
    </message>
</context>
<context>
    <name>VendorVcardSaver</name>
    <message>
        <location filename="../../ui/vendor_vcard.py" line="+49"/>
        <source>Save vendor as &amp;vCard…</source>
        <translation>Enregistrer le prestataire en &amp;vCard…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save as vCard</source>
        <translation>Enregistrer en vCard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>vCard files (*.vcf *.vcard)</source>
        <translation>Fichiers vCard (*.vcf *.vcard)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Saved the vCard to {file}</source>
        <translation>vCard enregistrée dans {file}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write {file}: {reason}</source>
        <translation>Impossible d’écrire {file}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This vendor is no longer in the directory.</source>
        <translation>Ce prestataire n’est plus dans l’annuaire.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not save the vCard</source>
        <translation>Impossible d’enregistrer la vCard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was written.</source>
        <translation>Rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../ui/welcome_dialog.py" line="+42"/>
        <source>Welcome to Grapevine</source>
        <translation>Bienvenue dans Grapevine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grapevine finds local vendors through the people you trust. Tell it who you are.</source>
        <translation>Grapevine trouve des prestataires près de chez vous grâce aux personnes en qui vous avez confiance. Dites-lui qui vous êtes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Home</source>
        <translation>Domicile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An address, or coordinates such as 52.2053, 0.1218</source>
        <translation>Une adresse, ou des coordonnées comme 52.2053, 0.1218</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Home:</source>
        <translation>&amp;Domicile&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start with</source>
        <translation>Commencer avec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &amp;demo neighbourhood, to look around</source>
        <translation>Le quartier de &amp;démonstration, pour découvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the demo neighbourhood</source>
        <translation>Ouvrir le quartier de démonstration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An &amp;empty directory, to record my own vendors</source>
        <translation>Un annuaire &amp;vide, pour enregistrer mes propres prestataires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start with an empty directory</source>
        <translation>Commencer avec un annuaire vide</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Start</source>
        <translation>&amp;Commencer</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Please enter your name: rankings are worked out as seen from you.</source>
        <translation>Veuillez saisir votre nom&#xa0;: le classement est établi de votre point de vue.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Place search is not available. Type coordinates such as 52.2053, 0.1218.</source>
        <translation>La recherche de lieux n’est pas disponible. Saisissez des coordonnées, par exemple 52.2053, 0.1218.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looking up your home…</source>
        <translation>Recherche de votre domicile…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No place found for that address. Check it, or type coordinates instead.</source>
        <translation>Aucun lieu trouvé pour cette adresse. Vérifiez-la, ou saisissez plutôt des coordonnées.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot save: {error}</source>
        <translation>Enregistrement impossible&#xa0;: {error}</translation>
    </message>
</context>
</TS>
