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
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
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
</TS>
