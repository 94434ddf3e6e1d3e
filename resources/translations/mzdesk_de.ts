<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Case management for the counsellors of a county migration centre.</source>
        <translation>Fallverwaltung für die Beraterinnen und Berater eines Migrationszentrums im Landkreis.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>mzdesk – database</source>
        <translation>mzdesk – Datenbank</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Clients</source>
        <translation>Klienten</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The action could not be completed because of an unexpected error. Details are in the log.</source>
        <translation>Die Aktion konnte wegen eines unerwarteten Fehlers nicht abgeschlossen werden. Einzelheiten stehen im Protokoll.</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <source>%1+ matches</source>
        <translation>%1+ Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>The client list could not be read from the database.</source>
        <translation>Die Klientenliste konnte nicht aus der Datenbank gelesen werden.</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klienten</translation>
    </message>
    <message>
        <source>Name, file number, phone or date of birth</source>
        <translation>Name, Aktenzeichen, Telefon oder Geburtsdatum</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Klienten suchen</translation>
    </message>
    <message>
        <source>Search as you type (Ctrl+F); Esc clears the search</source>
        <translation>Suche beim Tippen (Strg+F); Esc leert die Suche</translation>
    </message>
    <message>
        <source>Client list</source>
        <translation>Klientenliste</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>An unexpected error occurred. Your saved data is safe; the last action may not have been completed.

Please send the details below to your IT support.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten. Ihre gespeicherten Daten sind sicher; die letzte Aktion wurde möglicherweise nicht abgeschlossen.

Bitte senden Sie die Details unten an Ihren IT-Support.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>Counting persons …</source>
        <translation>Personen werden gezählt …</translation>
    </message>
    <message>
        <source>This area could not be opened. Details are in the log.</source>
        <translation>Dieser Bereich konnte nicht geöffnet werden. Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln Person</numerusform>
            <numerusform>%Ln Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Persons could not be counted</source>
        <translation>Personen konnten nicht gezählt werden</translation>
    </message>
    <message>
        <source>About mzdesk</source>
        <translation>Über mzdesk</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>&amp;Aktionen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Settings …</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;About mzdesk</source>
        <translation>Ü&amp;ber mzdesk</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
</context>
<context>
    <name>PartnerImportDialog</name>
    <message>
        <source>Import partners</source>
        <translation>Partner importieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>CSV-Datei wählen</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-Dateien (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Checking the file …</source>
        <translation>Datei wird geprüft …</translation>
    </message>
    <message>
        <source>The file cannot be imported.</source>
        <translation>Die Datei kann nicht importiert werden.</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged, %4 rejected (%5)</source>
        <translation>%1 neu, %2 aktualisiert, %3 unverändert, %4 abgelehnt (%5)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>aktualisiert</translation>
    </message>
    <message>
        <source>Importing partners …</source>
        <translation>Partner werden importiert …</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Keine Datei gewählt</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV-Datei</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>Rows to import</source>
        <translation>Zu importierende Zeilen</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Abgelehnte Zeilen</translation>
    </message>
</context>
<context>
    <name>PartnersView</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message numerus="yes">
        <source>%n partner(s)</source>
        <translation>
            <numerusform>%n Partner</numerusform>
            <numerusform>%n Partner</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>No partner selected</source>
        <translation>Kein Partner ausgewählt</translation>
    </message>
    <message>
        <source>(inactive)</source>
        <translation>(inaktiv)</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Name or department</source>
        <translation>Name oder Abteilung</translation>
    </message>
    <message>
        <source>Search partners</source>
        <translation>Partner suchen</translation>
    </message>
    <message>
        <source>Search as you type, regardless of case and accents</source>
        <translation>Suche beim Tippen, unabhängig von Groß-/Kleinschreibung und Akzenten</translation>
    </message>
    <message>
        <source>Partner kind</source>
        <translation>Partnerart</translation>
    </message>
    <message>
        <source>active only</source>
        <translation>nur aktive</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Import partners from a CSV file (Ctrl+I)</source>
        <translation>Partner aus einer CSV-Datei importieren (Strg+I)</translation>
    </message>
    <message>
        <source>Partner list</source>
        <translation>Partnerliste</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Leistungen</translation>
    </message>
    <message>
        <source>Contact people</source>
        <translation>Ansprechpersonen</translation>
    </message>
    <message>
        <source>Letter language</source>
        <translation>Briefsprache</translation>
    </message>
</context>
<context>
    <name>PersonDetail</name>
    <message>
        <source>Select a person in the list to see the details.</source>
        <translation>Wählen Sie eine Person in der Liste aus, um die Einzelheiten zu sehen.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Original script</source>
        <translation>Originalschrift</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Dolmetschen</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Gemeinde</translation>
    </message>
    <message>
        <source>Residence and benefits</source>
        <translation>Aufenthalt und Leistungen</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Einreise</translation>
    </message>
    <message>
        <source>Residence status</source>
        <translation>Aufenthaltsstatus</translation>
    </message>
    <message>
        <source>Work permission</source>
        <translation>Erwerbstätigkeit</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Legal category</source>
        <translation>Rechtskreis</translation>
    </message>
    <message>
        <source>Household and cases</source>
        <translation>Haushalt und Fälle</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Haushalt</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
</context>
<context>
    <name>PersonDetailPane</name>
    <message>
        <source>%1 (only the year is known)</source>
        <translation>%1 (nur das Jahr ist bekannt)</translation>
    </message>
    <message>
        <source>%1 (placeholder date)</source>
        <translation>%1 (Platzhalterdatum)</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>diverse</source>
        <translation>divers</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (abgelaufen)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n person(s))</source>
        <translation>
            <numerusform>%1 (%n Person)</numerusform>
            <numerusform>%1 (%n Personen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <source>Residence</source>
        <translation>Aufenthalt</translation>
    </message>
    <message>
        <source>Legal category</source>
        <translation>Rechtskreis</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Gemeinde</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>Nach dieser Spalte kann nicht sortiert werden.</translation>
    </message>
    <message>
        <source>Placeholder date: day and month are not known</source>
        <translation>Platzhalterdatum: Tag und Monat sind unbekannt</translation>
    </message>
    <message>
        <source>Only the year of birth is known</source>
        <translation>Nur das Geburtsjahr ist bekannt</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Choose …</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Logo auswählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Personal</source>
        <translation>&amp;Persönlich</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The language changes at the next start of mzdesk.</source>
        <translation>Die Sprache wechselt beim nächsten Start von mzdesk.</translation>
    </message>
    <message>
        <source>Only an administrator can change these settings.</source>
        <translation>Nur Administratoren können diese Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Einstellungen nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>Double-click to list the records behind this figure</source>
        <translation>Doppelklick listet die Datensätze hinter dieser Zahl auf</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>Datensatz-ID</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n Datensatz</numerusform>
            <numerusform>%n Datensätze</numerusform>
        </translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Ganzes Jahr</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>%1. Quartal</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Computing …</source>
        <translation>Wird berechnet …</translation>
    </message>
    <message>
        <source>The statistics could not be computed.</source>
        <translation>Die Statistik konnte nicht berechnet werden.</translation>
    </message>
    <message>
        <source>Computing the statistics …</source>
        <translation>Statistik wird berechnet …</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Statistics %1: %2 placements, %3 referrals. Double-click a figure for details.</source>
        <translation>Statistik %1: %2 Vermittlungen, %3 Überweisungen. Doppelklick auf eine Zahl zeigt die Datensätze.</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Vermittlungen</translation>
    </message>
    <message>
        <source>Looking up the records …</source>
        <translation>Datensätze werden gesucht …</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>Statistik exportieren</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Exporting …</source>
        <translation>Wird exportiert …</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Part of the year</source>
        <translation>Teil des Jahres</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Suppress small counts in exports</source>
        <translation>Kleine Fallzahlen im Export unterdrücken</translation>
    </message>
    <message>
        <source>Excel …</source>
        <translation>Excel …</translation>
    </message>
    <message>
        <source>CSV …</source>
        <translation>CSV …</translation>
    </message>
    <message>
        <source>PDF …</source>
        <translation>PDF …</translation>
    </message>
    <message>
        <source>Choose a period and click Compute.</source>
        <translation>Zeitraum wählen und auf „Berechnen“ klicken.</translation>
    </message>
</context>
</TS>
