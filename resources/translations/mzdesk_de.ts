<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>encrypted with SQLCipher</source>
        <translation>mit SQLCipher verschlüsselt</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Components and licences</source>
        <translation>Komponenten und Lizenzen</translation>
    </message>
    <message>
        <source>Case management for the counsellors of a county migration centre.</source>
        <translation>Fallverwaltung für die Beraterinnen und Berater eines Migrationszentrums im Landkreis.</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Counsellor</source>
        <translation>Beratungskraft</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Teamleitung</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Neues Benutzerkonto</translation>
    </message>
    <message>
        <source>Change account</source>
        <translation>Benutzerkonto ändern</translation>
    </message>
    <message>
        <source>e.g. berater3 (a–z, 0–9, . _ -)</source>
        <translation>z. B. berater3 (a–z, 0–9, . _ -)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>First name Last name</source>
        <translation>Vorname Nachname</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(kein Team)</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Please enter a user name.</source>
        <translation>Bitte einen Benutzernamen eingeben.</translation>
    </message>
    <message>
        <source>Counsellors and team leads need a team.</source>
        <translation>Beratungskräfte und Teamleitungen brauchen ein Team.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>mzdesk – encrypted database</source>
        <translation>mzdesk – verschlüsselte Datenbank</translation>
    </message>
    <message>
        <source>Database key:</source>
        <translation>Datenbank-Schlüssel:</translation>
    </message>
    <message>
        <source>mzdesk – database</source>
        <translation>mzdesk – Datenbank</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Benutzer wechseln</translation>
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
    <message>
        <source>Audit trail</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Wiedervorlagen</translation>
    </message>
    <message>
        <source>Kit review</source>
        <translation>Kit-Abgleich</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Überweisungen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
</context>
<context>
    <name>AttendeeImportDialog</name>
    <message>
        <source>Import attendees</source>
        <translation>Teilnehmende importieren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(ignorieren)</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Vorname(n)</translation>
    </message>
    <message>
        <source>Birth date or year</source>
        <translation>Geburtsdatum oder -jahr</translation>
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
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>German level</source>
        <translation>Deutschniveau</translation>
    </message>
    <message>
        <source>Profession or wish</source>
        <translation>Beruf oder Wunsch</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <source>Consent to be contacted</source>
        <translation>Einwilligung zur Kontaktaufnahme</translation>
    </message>
    <message>
        <source>Choose a registration list</source>
        <translation>Anmeldeliste wählen</translation>
    </message>
    <message>
        <source>Field for column %1</source>
        <translation>Feld für Spalte %1</translation>
    </message>
    <message>
        <source>%1 rows can be imported, %2 rejected (%3).</source>
        <translation>%1 Zeilen können importiert werden, %2 abgelehnt (%3).</translation>
    </message>
    <message>
        <source>Importing attendees …</source>
        <translation>Teilnehmende werden importiert …</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 existing persons; %3 already registered; %4 rejected.</source>
        <translation>Importiert: %1 neue, %2 vorhandene Personen; %3 bereits angemeldet; %4 abgelehnt.</translation>
    </message>
    <message>
        <source>new %1, may be %2</source>
        <translation>neu %1, evtl. identisch mit %2</translation>
    </message>
    <message>
        <source>already registered as %1</source>
        <translation>bereits angemeldet als %1</translation>
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
        <source>&amp;Choose file…</source>
        <translation>Datei &amp;wählen…</translation>
    </message>
    <message>
        <source>Columns (heading → field)</source>
        <translation>Spalten (Überschrift → Feld)</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Spaltenzuordnung</translation>
    </message>
    <message>
        <source>Preview (first rows)</source>
        <translation>Vorschau (erste Zeilen)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Rejected rows and rows to review</source>
        <translation>Abgelehnte und zu prüfende Zeilen</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Abgelehnte Zeilen</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>(program)</source>
        <translation>(Programm)</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>Angesehen</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Screen unlocked</source>
        <translation>Bildschirm entsperrt</translation>
    </message>
    <message>
        <source>Logged out (command line)</source>
        <translation>Abgemeldet (Kommandozeile)</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Login refused</source>
        <translation>Anmeldung abgewiesen</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Passwort geändert</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>Passwort gesetzt</translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation>Konto deaktiviert</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>Konto aktiviert</translation>
    </message>
    <message>
        <source>Access denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status geändert</translation>
    </message>
    <message>
        <source>Persons merged</source>
        <translation>Personen zusammengeführt</translation>
    </message>
    <message>
        <source>Event kit merged</source>
        <translation>Veranstaltungsmappe zusammengeführt</translation>
    </message>
    <message>
        <source>Person erased</source>
        <translation>Person gelöscht (anonymisiert)</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>Data subject access export (Art. 15 GDPR)</source>
        <translation>Datenauskunft (Art. 15 DSGVO) ausgegeben</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Gedruckt</translation>
    </message>
    <message>
        <source>Exception without consent (team lead)</source>
        <translation>Ausnahme ohne Einwilligung festgehalten (Teamleitung)</translation>
    </message>
    <message>
        <source>Residence status recorded</source>
        <translation>Aufenthaltsstatus erfasst</translation>
    </message>
    <message>
        <source>Legal category recorded</source>
        <translation>Rechtskreis erfasst</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Sicherung erstellt</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <source>Deleted after the retention period</source>
        <translation>Löschung nach Aufbewahrungsfrist</translation>
    </message>
    <message>
        <source>Audit trail shortened</source>
        <translation>Protokoll gekürzt</translation>
    </message>
    <message>
        <source>Audit trail accepted as it is (anchor reset)</source>
        <translation>Protokoll so übernommen, wie es ist (Anker neu gesetzt)</translation>
    </message>
    <message>
        <source>Database encrypted</source>
        <translation>Datenbank verschlüsselt</translation>
    </message>
    <message>
        <source>Database key changed</source>
        <translation>Datenbankschlüssel geändert</translation>
    </message>
    <message>
        <source>Letter printed</source>
        <translation>Brief gedruckt</translation>
    </message>
    <message>
        <source>Letter saved as PDF</source>
        <translation>Brief als PDF gespeichert</translation>
    </message>
    <message>
        <source>Letter printed again</source>
        <translation>Brief erneut gedruckt</translation>
    </message>
    <message>
        <source>Letter printed with today&apos;s letters</source>
        <translation>Brief im Sammeldruck gedruckt</translation>
    </message>
    <message>
        <source>Consent form printed</source>
        <translation>Einwilligungsformular gedruckt</translation>
    </message>
    <message>
        <source>Consent form saved as PDF</source>
        <translation>Einwilligungsformular als PDF gespeichert</translation>
    </message>
    <message>
        <source>Statistics exported</source>
        <translation>Statistik exportiert</translation>
    </message>
    <message>
        <source>Attendance list created</source>
        <translation>Teilnahmeliste ausgegeben</translation>
    </message>
    <message>
        <source>Employer list created</source>
        <translation>Ausstellerliste ausgegeben</translation>
    </message>
    <message>
        <source>Follow-up list printed or saved</source>
        <translation>Wiedervorlagenliste ausgegeben</translation>
    </message>
    <message>
        <source>Contact list printed or saved</source>
        <translation>Kontaktliste ausgegeben</translation>
    </message>
    <message>
        <source>Client list printed or saved</source>
        <translation>Klientenliste ausgegeben</translation>
    </message>
    <message>
        <source>Event kit exported</source>
        <translation>Veranstaltungsmappe exportiert</translation>
    </message>
    <message>
        <source>Event kit returned from the laptop</source>
        <translation>Veranstaltungsmappe vom Laptop zurückgegeben</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Einwilligung erfasst</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <source>Referral sent</source>
        <translation>Überweisung gesendet</translation>
    </message>
    <message>
        <source>Person file viewed</source>
        <translation>Personenakte angesehen</translation>
    </message>
    <message>
        <source>Person created</source>
        <translation>Person angelegt</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>Fall eröffnet</translation>
    </message>
    <message>
        <source>Contact recorded</source>
        <translation>Kontakt erfasst</translation>
    </message>
    <message>
        <source>Follow-up created</source>
        <translation>Wiedervorlage angelegt</translation>
    </message>
    <message>
        <source>Referral created</source>
        <translation>Überweisung angelegt</translation>
    </message>
    <message>
        <source>Placement recorded</source>
        <translation>Vermittlung erfasst</translation>
    </message>
    <message>
        <source>Placement changed</source>
        <translation>Vermittlung geändert</translation>
    </message>
    <message>
        <source>User account created</source>
        <translation>Benutzerkonto angelegt</translation>
    </message>
    <message>
        <source>Team created</source>
        <translation>Team angelegt</translation>
    </message>
    <message>
        <source>User account changed</source>
        <translation>Benutzerkonto geändert</translation>
    </message>
    <message>
        <source>Person data edited</source>
        <translation>Personendaten bearbeitet</translation>
    </message>
    <message>
        <source>Case changed</source>
        <translation>Fall geändert</translation>
    </message>
    <message>
        <source>Case status changed</source>
        <translation>Fallstatus geändert</translation>
    </message>
    <message>
        <source>Referral answered or closed</source>
        <translation>Überweisungsstatus geändert</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Vermittlung</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>Benutzerkonto</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Anchor replaced</source>
        <translation>Anker ersetzt</translation>
    </message>
    <message>
        <source>Entries missing</source>
        <translation>Fehlende Einträge</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Partner kinds</source>
        <translation>Partnerarten</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Ausgabeweg</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>Mappe</translation>
    </message>
    <message>
        <source>Exception by</source>
        <translation>Ausnahme durch</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation>Teilnahmen</translation>
    </message>
    <message>
        <source>Exhibitors</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Small counts hidden below</source>
        <translation>Kleine Zahlen verborgen unter</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Text version</source>
        <translation>Textfassung</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Erteilt am</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Widerrufen am</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Gesendet am</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Antwort bis</translation>
    </message>
    <message>
        <source>Topics added to the case</source>
        <translation>Neue Themen des Falls</translation>
    </message>
    <message>
        <source>Follow-up on</source>
        <translation>Wiedervorlage am</translation>
    </message>
    <message>
        <source>With a note</source>
        <translation>Mit Notiz</translation>
    </message>
    <message>
        <source>Fields given</source>
        <translation>Angegebene Felder</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Größe (Bytes)</translation>
    </message>
    <message>
        <source>Previous database kept as</source>
        <translation>Bisherige Datenbank aufbewahrt als</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Schemastand</translation>
    </message>
    <message>
        <source>Upgraded</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Purpose of the output</source>
        <translation>Zweck der Ausgabe</translation>
    </message>
    <message>
        <source>Erasures re-applied</source>
        <translation>Löschungen erneut angewandt</translation>
    </message>
    <message>
        <source>Command-line sessions ended</source>
        <translation>Kommandozeilen-Sitzungen beendet</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>Darin aufgegangen</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <source>Duplicates not copied</source>
        <translation>Doppelte nicht übernommen</translation>
    </message>
    <message>
        <source>Fields taken over</source>
        <translation>Übernommene Felder</translation>
    </message>
    <message>
        <source>Residence status</source>
        <translation>Aufenthaltsstatus</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>Erwerbstätigkeit</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Legal category</source>
        <translation>Rechtskreis</translation>
    </message>
    <message>
        <source>Periods ended</source>
        <translation>Beendete Zeiträume</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>Fehlversuche</translation>
    </message>
    <message>
        <source>Locked (minutes)</source>
        <translation>Gesperrt (Minuten)</translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation>Eingefügt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Duplicates to check</source>
        <translation>Zu prüfende Duplikate</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Deleted records</source>
        <translation>Gelöschte Datensätze</translation>
    </message>
    <message>
        <source>Kept although deleted on the laptop</source>
        <translation>Behalten, obwohl auf dem Laptop gelöscht</translation>
    </message>
    <message>
        <source>New file numbers</source>
        <translation>Neue Aktenzeichen</translation>
    </message>
    <message>
        <source>Per table</source>
        <translation>Je Tabelle</translation>
    </message>
    <message>
        <source>Already merged before</source>
        <translation>Schon früher zusammengeführt</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Files deleted</source>
        <translation>Gelöschte Dateien</translation>
    </message>
    <message>
        <source>Audit entries blanked</source>
        <translation>Geschwärzte Protokolleinträge</translation>
    </message>
    <message>
        <source>Persons erased</source>
        <translation>Gelöschte Personen</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>From entry</source>
        <translation>Ab Eintrag</translation>
    </message>
    <message>
        <source>Through entry</source>
        <translation>Bis Eintrag</translation>
    </message>
    <message>
        <source>Check value</source>
        <translation>Prüfwert</translation>
    </message>
    <message>
        <source>Older than</source>
        <translation>Älter als</translation>
    </message>
    <message>
        <source>Checkpoint entry</source>
        <translation>Prüfpunkt-Eintrag</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Was closed on</source>
        <translation>War abgeschlossen am</translation>
    </message>
    <message>
        <source>Closing reason then</source>
        <translation>Damaliger Abschlussgrund</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Berater/in</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Teamleitung</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>JSON and PDF</source>
        <translation>JSON und PDF</translation>
    </message>
    <message>
        <source>encrypted kit file</source>
        <translation>verschlüsselte Mappendatei</translation>
    </message>
    <message>
        <source>the window</source>
        <translation>Programmfenster</translation>
    </message>
    <message>
        <source>the command line</source>
        <translation>Kommandozeile</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>signed on paper</source>
        <translation>auf Papier unterschrieben</translation>
    </message>
    <message>
        <source>verbally, with a witness</source>
        <translation>mündlich, mit Zeugin oder Zeuge</translation>
    </message>
    <message>
        <source>at the desk</source>
        <translation>in der Beratungsstelle</translation>
    </message>
    <message>
        <source>at an event</source>
        <translation>auf einer Veranstaltung</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>Nationalities</source>
        <translation>Staatsangehörigkeiten</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>Residence statuses</source>
        <translation>Aufenthaltsstatus</translation>
    </message>
    <message>
        <source>Legal categories</source>
        <translation>Rechtskreise</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Haushalte</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Case topics</source>
        <translation>Themen der Fälle</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Wiedervorlagen</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Einwilligungen</translation>
    </message>
    <message>
        <source>Consent recipients</source>
        <translation>Empfänger der Einwilligungen</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Überweisungen</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Vermittlungen</translation>
    </message>
    <message>
        <source>Employer contacts</source>
        <translation>Arbeitgeberkontakte</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Protokolleinträge</translation>
    </message>
    <message>
        <source>Merge conflicts</source>
        <translation>Abgleichskonflikte</translation>
    </message>
    <message>
        <source>the account is disabled</source>
        <translation>das Konto ist deaktiviert</translation>
    </message>
    <message>
        <source>an administrator does not read case contents</source>
        <translation>Administratoren lesen keine Fallinhalte</translation>
    </message>
    <message>
        <source>the case belongs to another team</source>
        <translation>der Fall gehört zu einem anderen Team</translation>
    </message>
    <message>
        <source>the person belongs to another team</source>
        <translation>die Person gehört zu einem anderen Team</translation>
    </message>
    <message>
        <source>no consent covers the letter (not printed, saved or sent)</source>
        <translation>keine Einwilligung deckt den Brief (nicht gedruckt, gespeichert oder gesendet)</translation>
    </message>
    <message>
        <source>read person data</source>
        <translation>Personendaten lesen</translation>
    </message>
    <message>
        <source>edit person data</source>
        <translation>Personendaten bearbeiten</translation>
    </message>
    <message>
        <source>merge persons</source>
        <translation>Personen zusammenführen</translation>
    </message>
    <message>
        <source>referrals and consents</source>
        <translation>Weiterleitungen und Einwilligungen</translation>
    </message>
    <message>
        <source>referral without consent</source>
        <translation>Weiterleitung ohne Einwilligung</translation>
    </message>
    <message>
        <source>statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>data protection</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>Protokoll einsehen</translation>
    </message>
    <message>
        <source>manage accounts</source>
        <translation>Benutzerkonten verwalten</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>Einstellungen ändern</translation>
    </message>
    <message>
        <source>backup and restore</source>
        <translation>Sicherung und Wiederherstellung</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
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
        <source>the role %1 may not do this</source>
        <translation>die Rolle %1 darf das nicht</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>&amp;Person (file number):</source>
        <translation>&amp;Person (Aktenzeichen):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Refresh audit trail</source>
        <translation>Protokoll aktualisieren</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>The automatic backup failed; details are in the log.</source>
        <translation>Die automatische Sicherung ist fehlgeschlagen; Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>Backing up the database …</source>
        <translation>Datenbank wird gesichert …</translation>
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
    <name>CaseEditDialog</name>
    <message>
        <source>&amp;Counsellor</source>
        <translation>&amp;Berater/in</translation>
    </message>
    <message>
        <source>T&amp;opics</source>
        <translation>&amp;Themen</translation>
    </message>
    <message>
        <source>&amp;Goals</source>
        <translation>&amp;Ziele</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Herkunft</translation>
    </message>
    <message>
        <source>&amp;Opened on</source>
        <translation>&amp;Eröffnet am</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>CaseForms</name>
    <message>
        <source>New case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Fall bearbeiten</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>noch niemand</translation>
    </message>
    <message>
        <source>desk</source>
        <translation>Beratung vor Ort</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Eröffnet am</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>ruhend</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>%1: please enter a date.</source>
        <translation>%1: Bitte ein Datum eingeben.</translation>
    </message>
    <message>
        <source>Counsellor: changed</source>
        <translation>Berater/in: geändert</translation>
    </message>
    <message>
        <source>(no visible field changed)</source>
        <translation>(kein sichtbares Feld geändert)</translation>
    </message>
    <message>
        <source>Case changed meanwhile</source>
        <translation>Fall inzwischen geändert</translation>
    </message>
    <message>
        <source>Someone else saved this case while you were working on it.</source>
        <translation>Jemand anderes hat diesen Fall gespeichert, während Sie ihn bearbeitet haben.</translation>
    </message>
    <message>
        <source>Changed since you opened it:</source>
        <translation>Seit dem Öffnen geändert:</translation>
    </message>
    <message>
        <source>Save your input over it, or go back and check?</source>
        <translation>Ihre Eingaben darüber speichern oder zurückgehen und prüfen?</translation>
    </message>
    <message>
        <source>Save mine over it</source>
        <translation>Meine Eingaben speichern</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>Eingaben verwerfen?</translation>
    </message>
    <message>
        <source>Change case status</source>
        <translation>Fallstatus ändern</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Case of %1</source>
        <translation>Fall vom %1</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(überfällig)</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Nächste Wiedervorlage</translation>
    </message>
    <message>
        <source>Change residence status</source>
        <translation>Aufenthaltsstatus ändern</translation>
    </message>
    <message>
        <source>as printed: not recorded</source>
        <translation>laut Dokument: nicht erfasst</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>empty: same as valid from</source>
        <translation>leer: wie „gültig ab“</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Legal category from</source>
        <translation>Rechtskreis ab</translation>
    </message>
    <message>
        <source>Legal category</source>
        <translation>Rechtskreis</translation>
    </message>
    <message>
        <source>Open a case to keep a follow-up for it.</source>
        <translation>Für eine Wiedervorlage bitte zuerst einen Fall anlegen.</translation>
    </message>
    <message>
        <source>Add a follow-up due on %1?</source>
        <translation>Wiedervorlage zum %1 anlegen?</translation>
    </message>
    <message>
        <source>Add a follow-up?</source>
        <translation>Wiedervorlage anlegen?</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation>Neue Wiedervorlage</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Due on: the date is in the past, please choose today or later.</source>
        <translation>Fällig am: Das Datum liegt in der Vergangenheit, bitte heute oder später wählen.</translation>
    </message>
    <message>
        <source>Please type a subject.</source>
        <translation>Bitte einen Betreff eingeben.</translation>
    </message>
</context>
<context>
    <name>CaseStatusDialog</name>
    <message>
        <source>Current status</source>
        <translation>Aktueller Status</translation>
    </message>
    <message>
        <source>&amp;New status</source>
        <translation>&amp;Neuer Status</translation>
    </message>
    <message>
        <source>Closing &amp;reason</source>
        <translation>Abschluss&amp;grund</translation>
    </message>
    <message>
        <source>required when closing</source>
        <translation>beim Abschließen erforderlich</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <source>Then record a &amp;placement</source>
        <translation>Danach &amp;Vermittlung erfassen</translation>
    </message>
    <message>
        <source>After closing, the placement dialog opens for this case (work or training found)</source>
        <translation>Nach dem Abschließen öffnet sich „Vermittlung erfassen“ für diesen Fall (Arbeit oder Ausbildung gefunden)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <source>%1 h/week</source>
        <translation>%1 Std./Woche</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>versandt</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>eröffnet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>closed: %1</source>
        <translation>abgeschlossen: %1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>interpreter: %1</source>
        <translation>Dolmetschen: %1</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>(ended on %1)</source>
        <translation>(beendet am %1)</translation>
    </message>
    <message>
        <source>(until %1)</source>
        <translation>(bis %1)</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Vermittlung</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
    <message numerus="yes">
        <source>%n ended</source>
        <translation>
            <numerusform>%n beendet</numerusform>
            <numerusform>%n beendet</numerusform>
        </translation>
    </message>
    <message>
        <source>case opened %1</source>
        <translation>Fall vom %1</translation>
    </message>
    <message>
        <source>Enter: edit the placement · context menu: end it</source>
        <translation>Enter: Vermittlung bearbeiten · Kontextmenü: beenden</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>vertraulich</translation>
    </message>
    <message>
        <source>Confidential note: shown on screen only, never printed</source>
        <translation>Vertrauliche Notiz: nur am Bildschirm, wird nie gedruckt</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>E&amp;nd…</source>
        <translation>B&amp;eenden…</translation>
    </message>
</context>
<context>
    <name>ClientsView</name>
    <message>
        <source>%1+ matches</source>
        <translation>%1+ Treffer</translation>
    </message>
    <message numerus="yes">
        <source>Nobody under this spelling – %n similar spelling(s) (≈); a new person: Ctrl+N</source>
        <translation>
            <numerusform>Niemand unter dieser Schreibweise – %n ähnliche Schreibweise (≈); neue Person: Strg+N</numerusform>
            <numerusform>Niemand unter dieser Schreibweise – %n ähnliche Schreibweisen (≈); neue Person: Strg+N</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody found – a new person: Ctrl+N</source>
        <translation>Niemand gefunden – neue Person: Strg+N</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n similar spelling(s)</source>
        <translation>
            <numerusform>%n ähnliche Schreibweise</numerusform>
            <numerusform>%n ähnliche Schreibweisen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New person</source>
        <translation>&amp;Neue Person</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Merge …</source>
        <translation>&amp;Zusammenführen …</translation>
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
    <name>ConsentDialog</name>
    <message>
        <source>&amp;Data categories:</source>
        <translation>&amp;Datenkategorien:</translation>
    </message>
    <message>
        <source>Recipient &amp;partners:</source>
        <translation>Empfänger: &amp;Partner:</translation>
    </message>
    <message>
        <source>Filter partners</source>
        <translation>Partner filtern</translation>
    </message>
    <message>
        <source>Recipient partners</source>
        <translation>Empfangende Partner</translation>
    </message>
    <message>
        <source>Recipient &amp;kinds:</source>
        <translation>Empfänger: Partner&amp;arten:</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>&amp;Zweck:</translation>
    </message>
    <message>
        <source>&amp;Text version:</source>
        <translation>&amp;Textfassung:</translation>
    </message>
    <message>
        <source>&amp;Given on:</source>
        <translation>&amp;Erteilt am:</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Erteilt am</translation>
    </message>
    <message>
        <source>E&amp;xpires on:</source>
        <translation>&amp;Gültig bis:</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Form:</translation>
    </message>
    <message>
        <source>&amp;Witness:</source>
        <translation>Zeu&amp;ge/Zeugin:</translation>
    </message>
    <message>
        <source>Only for a verbal consent</source>
        <translation>Nur bei mündlicher Einwilligung</translation>
    </message>
</context>
<context>
    <name>ConsentEditDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Einwilligung erfassen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Signed on paper</source>
        <translation>schriftlich unterschrieben</translation>
    </message>
    <message>
        <source>Given verbally before a witness</source>
        <translation>mündlich vor Zeugen erteilt</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Erteilt am</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Gültig bis</translation>
    </message>
</context>
<context>
    <name>ConsentsDialog</name>
    <message>
        <source>Consents</source>
        <translation>Einwilligungen</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Erteilt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Language of the form</source>
        <translation>Sprache des Formulars</translation>
    </message>
    <message>
        <source>Form &amp;language:</source>
        <translation>Formular&amp;sprache:</translation>
    </message>
    <message>
        <source>&amp;Print form…</source>
        <translation>Formular &amp;drucken…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>withdrawn %1</source>
        <translation>widerrufen %1</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>not yet valid</source>
        <translation>noch nicht gültig</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <source>Withdraw this consent from today? Letters that need it can no longer be sent.</source>
        <translation>Diese Einwilligung ab heute widerrufen? Briefe, die sie brauchen, können dann nicht mehr versandt werden.</translation>
    </message>
    <message>
        <source>Consent form</source>
        <translation>Einwilligungsformular</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>blanko</translation>
    </message>
</context>
<context>
    <name>ContactEntryDialog</name>
    <message>
        <source>Person and case</source>
        <translation>Person und Fall</translation>
    </message>
    <message>
        <source>&amp;Date and time</source>
        <translation>&amp;Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Weg</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>&amp;Minuten</translation>
    </message>
    <message>
        <source>e.g. 30</source>
        <translation>z. B. 30</translation>
    </message>
    <message>
        <source>&amp;Interpreter</source>
        <translation>D&amp;olmetschen</translation>
    </message>
    <message>
        <source>T&amp;opics</source>
        <translation>&amp;Themen</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>&amp;Kurzbeschreibung</translation>
    </message>
    <message>
        <source>short, may appear in reports</source>
        <translation>kurz, kann in Auswertungen erscheinen</translation>
    </message>
    <message>
        <source>Confidential &amp;note</source>
        <translation>Vertrauliche &amp;Notiz</translation>
    </message>
    <message>
        <source>Done by this &amp;contact</source>
        <translation>Durch diesen Kontakt &amp;erledigt</translation>
    </message>
    <message>
        <source>The open follow-ups: tick (Space) those this contact answers; they are marked done when the contact is saved</source>
        <translation>Die offenen Wiedervorlagen: die ankreuzen (Leertaste), die dieser Kontakt beantwortet; sie werden beim Speichern des Kontakts erledigt</translation>
    </message>
    <message>
        <source>Open follow-ups done by this contact</source>
        <translation>Offene Wiedervorlagen, durch diesen Kontakt erledigt</translation>
    </message>
    <message>
        <source>Next &amp;follow-up</source>
        <translation>Nächste &amp;Wiedervorlage</translation>
    </message>
    <message>
        <source>DD.MM.YYYY or +14 (days)</source>
        <translation>TT.MM.JJJJ oder +14 (Tage)</translation>
    </message>
    <message>
        <source>Follow-up &amp;text</source>
        <translation>Te&amp;xt der Wiedervorlage</translation>
    </message>
    <message>
        <source>The confidential note is shown on screen only: never printed, never exported. Shift+Enter starts a new line.</source>
        <translation>Die vertrauliche Notiz erscheint nur am Bildschirm: nie gedruckt, nie exportiert. Umschalt+Enter beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
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
    <name>CsvImportDialog</name>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-Dateien (*.csv *.txt)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>DD.MM.YYYY or +14</source>
        <translation>TT.MM.JJJJ oder +14</translation>
    </message>
    <message>
        <source>A date like 24.11.2026, or +14 for 14 days from today</source>
        <translation>Ein Datum wie 24.11.2026, oder +14 für heute in 14 Tagen</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>name sounds the same</source>
        <translation>Name klingt gleich</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>ähnlicher Name</translation>
    </message>
    <message>
        <source>given and family name swapped</source>
        <translation>Vor- und Familienname vertauscht</translation>
    </message>
    <message>
        <source>same date of birth</source>
        <translation>gleiches Geburtsdatum</translation>
    </message>
    <message>
        <source>same year of birth (placeholder or year only)</source>
        <translation>gleiches Geburtsjahr (Platzhalter oder nur Jahr)</translation>
    </message>
    <message>
        <source>day and month of birth swapped</source>
        <translation>Tag und Monat der Geburt vertauscht</translation>
    </message>
    <message>
        <source>same nationality</source>
        <translation>gleiche Staatsangehörigkeit</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>gleiche Telefonnummer</translation>
    </message>
    <message>
        <source>common name (weighed less)</source>
        <translation>häufiger Name (geringer gewichtet)</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicate</source>
        <translation>Mögliche Doppelerfassung</translation>
    </message>
    <message>
        <source>This person may already be registered. Open the existing file instead, or save the new person anyway.</source>
        <translation>Diese Person ist vielleicht schon erfasst. Öffnen Sie die vorhandene Akte oder legen Sie die Person trotzdem neu an.</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Mögliche Doppelerfassungen</translation>
    </message>
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
        <source>Match</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <source>&amp;Open existing person</source>
        <translation>Vorhandene Person ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Save as new person anyway</source>
        <translation>&amp;Trotzdem neu anlegen</translation>
    </message>
    <message>
        <source>&amp;Back to the form</source>
        <translation>&amp;Zurück zum Formular</translation>
    </message>
</context>
<context>
    <name>EditConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>Someone else saved this person while you were editing. Nothing has been saved yet.</source>
        <translation>Jemand anderes hat diese Person gespeichert, während Sie sie bearbeitet haben. Es wurde noch nichts gespeichert.</translation>
    </message>
    <message>
        <source>Your changes touch none of the fields they changed.</source>
        <translation>Ihre Änderungen betreffen keines der dort geänderten Felder.</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Ihr Wert</translation>
    </message>
    <message>
        <source>Saved meanwhile</source>
        <translation>Inzwischen gespeichert</translation>
    </message>
    <message>
        <source>Save &amp;my values</source>
        <translation>&amp;Meine Werte speichern</translation>
    </message>
    <message>
        <source>&amp;Take the saved values</source>
        <translation>Gespeicherte Werte ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>Job fair</source>
        <translation>Jobmesse</translation>
    </message>
    <message>
        <source>Outreach day</source>
        <translation>Aktionstag</translation>
    </message>
    <message>
        <source>Info session</source>
        <translation>Infoabend</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Besucher</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Neue Veranstaltung…</translation>
    </message>
    <message>
        <source>Import attendees…</source>
        <translation>Teilnehmende importieren…</translation>
    </message>
    <message>
        <source>Attendance list…</source>
        <translation>Teilnahmeliste…</translation>
    </message>
    <message>
        <source>Employer list…</source>
        <translation>Ausstellerliste…</translation>
    </message>
    <message>
        <source>Fair mode</source>
        <translation>Messemodus</translation>
    </message>
    <message>
        <source>Export kit…</source>
        <translation>Kit exportieren…</translation>
    </message>
    <message>
        <source>Return kit…</source>
        <translation>Kit zurückgeben…</translation>
    </message>
    <message>
        <source>Merge kit…</source>
        <translation>Kit zusammenführen…</translation>
    </message>
    <message>
        <source>Open kit…</source>
        <translation>Kit öffnen…</translation>
    </message>
    <message>
        <source>The offline kit is not available in this version.</source>
        <translation>Das Offline-Kit ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Veranstaltung</numerusform>
            <numerusform>%n Veranstaltungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No event selected</source>
        <translation>Keine Veranstaltung ausgewählt</translation>
    </message>
    <message>
        <source>%1 registered, %2 without registration</source>
        <translation>%1 angemeldet, %2 ohne Anmeldung</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Arbeitgeber</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Creating the PDF …</source>
        <translation>PDF wird erstellt …</translation>
    </message>
    <message>
        <source>Attendance list</source>
        <translation>Teilnahmeliste</translation>
    </message>
    <message>
        <source>Employer list</source>
        <translation>Ausstellerliste</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>name or place</source>
        <translation>Name oder Ort</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Neue Veranstaltung…</translation>
    </message>
    <message>
        <source>&amp;Fair mode (F11)</source>
        <translation>&amp;Messemodus (F11)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>Partners present</source>
        <translation>Anwesende Partner</translation>
    </message>
    <message>
        <source>&amp;Import attendees…</source>
        <translation>Teilnehmende &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Attendance list…</source>
        <translation>&amp;Teilnahmeliste…</translation>
    </message>
    <message>
        <source>&amp;Employer list…</source>
        <translation>&amp;Ausstellerliste…</translation>
    </message>
    <message>
        <source>Export &amp;kit…</source>
        <translation>&amp;Kit exportieren…</translation>
    </message>
    <message>
        <source>&amp;Return kit…</source>
        <translation>Kit &amp;zurückgeben…</translation>
    </message>
    <message>
        <source>&amp;Merge kit…</source>
        <translation>Kit &amp;zusammenführen…</translation>
    </message>
    <message>
        <source>&amp;Open kit…</source>
        <translation>Kit ö&amp;ffnen…</translation>
    </message>
</context>
<context>
    <name>FairMode</name>
    <message>
        <source>Talk</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>Interview agreed</source>
        <translation>Vorstellungsgespräch vereinbart</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Bewerbung</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Fair mode</source>
        <translation>Messemodus</translation>
    </message>
    <message>
        <source>Enter: next field · Ctrl+Enter: save · F5: +1 without registration · Ctrl+−: take back · F3: find attendee · F4: contact · Esc: leave</source>
        <translation>Enter: nächstes Feld · Strg+Enter: speichern · F5: +1 ohne Anmeldung · Strg+−: zurücknehmen · F3: Person suchen · F4: Kontakt · Esc: verlassen</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Without registration</source>
        <translation>Ohne Anmeldung</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Besucher gesamt</translation>
    </message>
    <message>
        <source>+1 without registration (F5)</source>
        <translation>+1 ohne Anmeldung (F5)</translation>
    </message>
    <message>
        <source>New attendee</source>
        <translation>Neue Anmeldung</translation>
    </message>
    <message>
        <source>e.g. 1990</source>
        <translation>z. B. 1990</translation>
    </message>
    <message>
        <source>e.g. Arabic, English B1</source>
        <translation>z. B. Arabisch, Englisch B1</translation>
    </message>
    <message>
        <source>Agrees to be contacted (employers, follow-up)</source>
        <translation>Kontakt erlaubt (Arbeitgeber, Nachbetreuung)</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Familienname</translation>
    </message>
    <message>
        <source>&amp;Given names</source>
        <translation>&amp;Vorname(n)</translation>
    </message>
    <message>
        <source>&amp;Birth year</source>
        <translation>&amp;Geburtsjahr</translation>
    </message>
    <message>
        <source>&amp;Languages</source>
        <translation>&amp;Sprachen</translation>
    </message>
    <message>
        <source>G&amp;erman level</source>
        <translation>&amp;Deutschniveau</translation>
    </message>
    <message>
        <source>&amp;Profession or wish</source>
        <translation>&amp;Beruf oder Wunsch</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>Register (Ctrl+Enter)</source>
        <translation>Anmelden (Strg+Enter)</translation>
    </message>
    <message>
        <source>Employer contact</source>
        <translation>Arbeitgeberkontakt</translation>
    </message>
    <message>
        <source>No attendee chosen</source>
        <translation>Keine Person gewählt</translation>
    </message>
    <message>
        <source>Find a&amp;ttendee (F3)</source>
        <translation>Person s&amp;uchen (F3)</translation>
    </message>
    <message>
        <source>number or name</source>
        <translation>Nummer oder Name</translation>
    </message>
    <message>
        <source>Matching attendees</source>
        <translation>Gefundene Personen</translation>
    </message>
    <message>
        <source>&amp;Contact (F4): number, then letter</source>
        <translation>&amp;Kontakt (F4): Nummer, dann Buchstabe</translation>
    </message>
    <message>
        <source>No employers at this event</source>
        <translation>Keine Arbeitgeber bei dieser Veranstaltung</translation>
    </message>
    <message>
        <source>Not saved yet. Press Esc again to leave and discard the typing.</source>
        <translation>Noch nicht gespeichert. Esc erneut drücken, um ohne Speichern zu verlassen.</translation>
    </message>
    <message>
        <source>Possibly known already:</source>
        <translation>Möglicherweise schon bekannt:</translation>
    </message>
    <message>
        <source>Enter registers a new person as typed.</source>
        <translation>Enter legt eine neue Person wie eingegeben an.</translation>
    </message>
    <message>
        <source>Registers the existing person %1 (Alt+0: a new person instead).</source>
        <translation>Meldet die vorhandene Person %1 an (Alt+0: doch neu anlegen).</translation>
    </message>
    <message>
        <source>Saved as number %1.</source>
        <translation>Als Nummer %1 gespeichert.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>(no consent: no contacts)</source>
        <translation>(keine Einwilligung: keine Kontakte)</translation>
    </message>
    <message>
        <source>Type the employer&apos;s number, then G, V, B or E.</source>
        <translation>Nummer des Arbeitgebers, dann G, V, B oder E eingeben.</translation>
    </message>
    <message>
        <source>No employer with number %1.</source>
        <translation>Kein Arbeitgeber mit Nummer %1.</translation>
    </message>
    <message>
        <source>Choose an attendee first (F3).</source>
        <translation>Bitte zuerst eine Person wählen (F3).</translation>
    </message>
</context>
<context>
    <name>FollowUpEditDialog</name>
    <message>
        <source>Person and case</source>
        <translation>Person und Fall</translation>
    </message>
    <message>
        <source>&amp;Due on</source>
        <translation>&amp;Fällig am</translation>
    </message>
    <message>
        <source>DD.MM.YYYY or +14 (days)</source>
        <translation>TT.MM.JJJJ oder +14 (Tage)</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Betreff</translation>
    </message>
    <message>
        <source>e.g. ask about the application</source>
        <translation>z. B. Bewerbungsstand erfragen</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>&amp;Note (optional)</source>
        <translation>&amp;Notiz (optional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>The follow-up is yours and shows in your Wiedervorlagen list on its date. Its text is not confidential.</source>
        <translation>Die Wiedervorlage ist Ihre und erscheint an ihrem Datum in Ihrer Liste „Wiedervorlagen“. Ihr Text ist nicht vertraulich.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <source>Mark done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Postpone…</source>
        <translation>Verschieben…</translation>
    </message>
    <message>
        <source>Refresh follow-ups</source>
        <translation>Wiedervorlagen aktualisieren</translation>
    </message>
    <message>
        <source>Undo done</source>
        <translation>„Erledigt“ rückgängig</translation>
    </message>
    <message>
        <source>Reading what is due …</source>
        <translation>Wiedervorlagen werden gelesen …</translation>
    </message>
    <message>
        <source>The follow-ups could not be read.</source>
        <translation>Die Wiedervorlagen konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>Nächste 7 Tage</translation>
    </message>
    <message>
        <source>Residence documents expiring</source>
        <translation>Ablaufende Aufenthaltstitel</translation>
    </message>
    <message>
        <source>Legal category hints</source>
        <translation>Hinweise zum Rechtskreis</translation>
    </message>
    <message numerus="yes">
        <source>%n due</source>
        <translation>
            <numerusform>%n fällig</numerusform>
            <numerusform>%n fällig</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing due. Well done.</source>
        <translation>Nichts fällig.</translation>
    </message>
    <message>
        <source>Done: %1 – %2.</source>
        <translation>Erledigt: %1 – %2.</translation>
    </message>
    <message>
        <source>Open again: %1.</source>
        <translation>Wieder offen: %1.</translation>
    </message>
    <message>
        <source>Type the new date, like 24.11.2026.</source>
        <translation>Bitte das neue Datum eingeben, z. B. 24.11.2026.</translation>
    </message>
    <message>
        <source>Postponed to %1.</source>
        <translation>Verschoben auf %1.</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Wiedervorlagen</translation>
    </message>
    <message>
        <source>Number of follow-ups due</source>
        <translation>Anzahl fälliger Wiedervorlagen</translation>
    </message>
    <message>
        <source>Whole &amp;team</source>
        <translation>Ganzes &amp;Team</translation>
    </message>
    <message>
        <source>Show the follow-ups of every case of your team, whoever they are assigned to (team leads)</source>
        <translation>Zeigt die Wiedervorlagen aller Fälle Ihres Teams, gleich wem sie zugewiesen sind (Teamleitung)</translation>
    </message>
    <message>
        <source>Show the whole team&apos;s follow-ups</source>
        <translation>Wiedervorlagen des ganzen Teams zeigen</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Fällige Wiedervorlagen</translation>
    </message>
    <message>
        <source>Enter opens the person, Space or Ctrl+D marks done, Ctrl+Z takes it back, Ctrl+P postpones</source>
        <translation>Enter öffnet die Person, Leertaste oder Strg+D: erledigt, Strg+Z nimmt es zurück, Strg+P verschiebt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Undo (Ctrl+Z)</source>
        <translation>&amp;Rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <source>Take back the last &quot;done&quot; (Ctrl+Z)</source>
        <translation>Das letzte „erledigt“ zurücknehmen (Strg+Z)</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <source>Mark done (Space, Ctrl+D)</source>
        <translation>Erledigt (Leertaste, Strg+D)</translation>
    </message>
    <message>
        <source>&amp;Postpone to:</source>
        <translation>&amp;Verschieben auf:</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <source>Postpone to date</source>
        <translation>Verschieben auf Datum</translation>
    </message>
    <message>
        <source>Type a date like 24.11.2026 and press Enter (Ctrl+P)</source>
        <translation>Datum wie 24.11.2026 eingeben und Eingabe drücken (Strg+P)</translation>
    </message>
    <message>
        <source>&amp;Open person</source>
        <translation>Person ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the person&apos;s file (Enter)</source>
        <translation>Akte der Person öffnen (Eingabe)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>New person</source>
        <translation>Neue Person</translation>
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
        <source>Edit person – %1</source>
        <translation>Person bearbeiten – %1</translation>
    </message>
    <message>
        <source>Household members: %1</source>
        <translation>Im Haushalt: %1</translation>
    </message>
    <message>
        <source>The person could not be saved. Nothing you typed is lost; details are in the log.</source>
        <translation>Die Person konnte nicht gespeichert werden. Ihre Eingaben bleiben erhalten; Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>Discard what you typed?</source>
        <translation>Eingaben verwerfen?</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Familienname</translation>
    </message>
    <message>
        <source>&amp;Given names</source>
        <translation>&amp;Vornamen</translation>
    </message>
    <message>
        <source>Family name (&amp;original script)</source>
        <translation>Familienname (&amp;Originalschrift)</translation>
    </message>
    <message>
        <source>Given names (original scri&amp;pt)</source>
        <translation>Vornamen (Originalsc&amp;hrift)</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>&amp;Geburtsdatum</translation>
    </message>
    <message>
        <source>24.11.1990 or 1990</source>
        <translation>24.11.1990 oder 1990</translation>
    </message>
    <message>
        <source>Placeholder (01.01.)</source>
        <translation>Platzhalter (01.01.)</translation>
    </message>
    <message>
        <source>The papers show 01.01. because day and month are unknown</source>
        <translation>Die Papiere zeigen den 01.01., weil Tag und Monat unbekannt sind</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>Ges&amp;chlecht</translation>
    </message>
    <message>
        <source>Origin and languages</source>
        <translation>Herkunft und Sprachen</translation>
    </message>
    <message>
        <source>&amp;Nationality</source>
        <translation>&amp;Staatsangehörigkeit</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <source>Second nationality</source>
        <translation>Zweite Staatsangehörigkeit</translation>
    </message>
    <message>
        <source>&amp;Languages</source>
        <translation>S&amp;prachen</translation>
    </message>
    <message>
        <source>Language 1</source>
        <translation>Sprache 1</translation>
    </message>
    <message>
        <source>Level of language 1</source>
        <translation>Niveau Sprache 1</translation>
    </message>
    <message>
        <source>Language 2</source>
        <translation>Sprache 2</translation>
    </message>
    <message>
        <source>Level of language 2</source>
        <translation>Niveau Sprache 2</translation>
    </message>
    <message>
        <source>Language 3</source>
        <translation>Sprache 3</translation>
    </message>
    <message>
        <source>Level of language 3</source>
        <translation>Niveau Sprache 3</translation>
    </message>
    <message>
        <source>&amp;Interpreter</source>
        <translation>&amp;Dolmetschen</translation>
    </message>
    <message>
        <source>A&amp;rrival</source>
        <translation>&amp;Einreise</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <source>Contact and address</source>
        <translation>Kontakt und Anschrift</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>E-&amp;Mail</translation>
    </message>
    <message>
        <source>&amp;Street</source>
        <translation>St&amp;raße</translation>
    </message>
    <message>
        <source>Postcode, &amp;city</source>
        <translation>PLZ, &amp;Ort</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>Gemei&amp;nde</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Haushalt</translation>
    </message>
    <message>
        <source>Lives &amp;with</source>
        <translation>&amp;Wohnt mit</translation>
    </message>
    <message>
        <source>Name or file number of a household member</source>
        <translation>Name oder Aktenzeichen eines Haushaltsmitglieds</translation>
    </message>
    <message>
        <source>Residence and legal category</source>
        <translation>Aufenthalt und Rechtskreis</translation>
    </message>
    <message>
        <source>Residence s&amp;tatus</source>
        <translation>&amp;Aufenthaltsstatus</translation>
    </message>
    <message>
        <source>Wor&amp;k permission</source>
        <translation>Erwer&amp;bstätigkeit</translation>
    </message>
    <message>
        <source>&amp;Valid from / until</source>
        <translation>Gültig &amp;von / bis</translation>
    </message>
    <message>
        <source>from (default: today)</source>
        <translation>von (sonst heute)</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig von</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Legal c&amp;ategory</source>
        <translation>Rechts&amp;kreis</translation>
    </message>
    <message>
        <source>Legal categor&amp;y since</source>
        <translation>Rechtskreis se&amp;it</translation>
    </message>
    <message>
        <source>default: today</source>
        <translation>sonst heute</translation>
    </message>
</context>
<context>
    <name>KitActions</name>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>At least 8 characters, please.</source>
        <translation>Bitte mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>Die beiden Eingaben unterscheiden sich.</translation>
    </message>
    <message>
        <source>Please enter the passphrase.</source>
        <translation>Bitte die Passphrase eingeben.</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>Kit</translation>
    </message>
    <message>
        <source>Save event kit</source>
        <translation>Veranstaltungsmappe speichern</translation>
    </message>
    <message>
        <source>Encrypt the kit</source>
        <translation>Kit verschlüsseln</translation>
    </message>
    <message>
        <source>Writing the kit …</source>
        <translation>Kit wird geschrieben …</translation>
    </message>
    <message>
        <source>Event kit</source>
        <translation>Veranstaltungsmappe</translation>
    </message>
    <message>
        <source>The kit was written to %1 (%2 bytes).</source>
        <translation>Das Kit wurde nach %1 geschrieben (%2 Bytes).</translation>
    </message>
    <message>
        <source>Open event kit</source>
        <translation>Veranstaltungsmappe öffnen</translation>
    </message>
    <message>
        <source>New laptop database</source>
        <translation>Neue Laptop-Datenbank</translation>
    </message>
    <message>
        <source>Laptop database</source>
        <translation>Laptop-Datenbank</translation>
    </message>
    <message>
        <source>Passphrase of the kit</source>
        <translation>Passphrase des Kits</translation>
    </message>
    <message>
        <source>Opening the kit …</source>
        <translation>Kit wird geöffnet …</translation>
    </message>
    <message>
        <source>The laptop database %1 holds %2 records of the kit.</source>
        <translation>Die Laptop-Datenbank %1 enthält %2 Datensätze des Kits.</translation>
    </message>
    <message>
        <source>Save returned kit</source>
        <translation>Rückgabe-Kit speichern</translation>
    </message>
    <message>
        <source>return</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>Encrypt the return</source>
        <translation>Rückgabe verschlüsseln</translation>
    </message>
    <message>
        <source>Writing the return …</source>
        <translation>Rückgabe wird geschrieben …</translation>
    </message>
    <message>
        <source>Everything done here was written to %1.</source>
        <translation>Alles hier Erfasste wurde nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>This kit was merged before: nothing changed.</source>
        <translation>Dieses Kit wurde bereits zusammengeführt: nichts geändert.</translation>
    </message>
    <message>
        <source>Inserted: %1, updated: %2, conflicts: %3, duplicates to review: %4, rejected: %5</source>
        <translation>Eingefügt: %1, aktualisiert: %2, Konflikte: %3, zu prüfende Duplikate: %4, abgewiesen: %5</translation>
    </message>
    <message>
        <source>Not taken over:</source>
        <translation>Nicht übernommen:</translation>
    </message>
    <message>
        <source>Deleted as on the laptop: %1, kept (changed here or in use): %2</source>
        <translation>Wie auf dem Laptop gelöscht: %1, behalten (hier geändert oder verwendet): %2</translation>
    </message>
    <message>
        <source>Merge returned kit</source>
        <translation>Rückgabe-Kit zusammenführen</translation>
    </message>
    <message>
        <source>Merging the kit …</source>
        <translation>Kit wird zusammengeführt …</translation>
    </message>
    <message>
        <source>Kit merged</source>
        <translation>Kit zusammengeführt</translation>
    </message>
</context>
<context>
    <name>KitReview</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>KitReviewView</name>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Office value</source>
        <translation>Wert im Büro</translation>
    </message>
    <message>
        <source>Kit value</source>
        <translation>Wert aus dem Kit</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Keep &amp;office value</source>
        <translation>&amp;Bürowert behalten</translation>
    </message>
    <message>
        <source>Take &amp;kit value</source>
        <translation>&amp;Kit-Wert übernehmen</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Strg+1</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Strg+2</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Konflikte</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Mögliche Duplikate</translation>
    </message>
    <message>
        <source>&amp;Link to this person</source>
        <translation>Mit dieser Person &amp;verknüpfen</translation>
    </message>
    <message>
        <source>Keep as &amp;new person</source>
        <translation>Als &amp;neue Person behalten</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Strg+L</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Strg+N</translation>
    </message>
    <message>
        <source>&amp;Duplicates to review</source>
        <translation>&amp;Duplikate prüfen</translation>
    </message>
    <message>
        <source>Keep office value</source>
        <translation>Bürowert behalten</translation>
    </message>
    <message>
        <source>Take kit value</source>
        <translation>Kit-Wert übernehmen</translation>
    </message>
    <message>
        <source>Link to existing person</source>
        <translation>Mit vorhandener Person verknüpfen</translation>
    </message>
    <message>
        <source>Keep as new person</source>
        <translation>Als neue Person behalten</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>gleicher Name</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>ähnlicher Name</translation>
    </message>
    <message>
        <source>given and family name swapped</source>
        <translation>Vor- und Familienname vertauscht</translation>
    </message>
    <message>
        <source>same date of birth</source>
        <translation>gleiches Geburtsdatum</translation>
    </message>
    <message>
        <source>date of birth with swapped day and month</source>
        <translation>Geburtsdatum mit vertauschtem Tag und Monat</translation>
    </message>
    <message>
        <source>same year of birth</source>
        <translation>gleiches Geburtsjahr</translation>
    </message>
    <message>
        <source>same nationality</source>
        <translation>gleiche Staatsangehörigkeit</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>gleiche Telefonnummer</translation>
    </message>
    <message>
        <source>common name</source>
        <translation>häufiger Name</translation>
    </message>
    <message numerus="yes">
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n offener Konflikt</numerusform>
            <numerusform>%n offene Konflikte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n new person(s) to review</source>
        <translation>
            <numerusform>%n neue Person zu prüfen</numerusform>
            <numerusform>%n neue Personen zu prüfen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LetterPreviewDialog</name>
    <message>
        <source>Letter preview</source>
        <translation>Briefvorschau</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit width</source>
        <translation>&amp;Breite anpassen</translation>
    </message>
    <message>
        <source>P&amp;revious page</source>
        <translation>&amp;Vorige Seite</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>&amp;Nächste Seite</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Justify an &amp;exception…</source>
        <translation>&amp;Ausnahme begründen…</translation>
    </message>
    <message>
        <source>Record &amp;consent…</source>
        <translation>Einwilligung &amp;erfassen…</translation>
    </message>
    <message>
        <source>Reason for the e&amp;xception:</source>
        <translation>Begründung der A&amp;usnahme:</translation>
    </message>
    <message>
        <source>&amp;Record the exception</source>
        <translation>Ausnahme &amp;festhalten</translation>
    </message>
    <message>
        <source>Exception recorded. The letter names you and the reason; it may now be printed, saved or sent.</source>
        <translation>Ausnahme festgehalten. Der Brief nennt Sie und die Begründung; er darf jetzt gedruckt, gespeichert oder gesendet werden.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Print letter</source>
        <translation>Brief drucken</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>Die Datei konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>ListPrinting</name>
    <message>
        <source>&amp;My follow-ups</source>
        <translation>&amp;Meine Wiedervorlagen</translation>
    </message>
    <message>
        <source>Contacts &amp;today</source>
        <translation>Kontakte &amp;heute</translation>
    </message>
    <message>
        <source>Contacts this &amp;week</source>
        <translation>Kontakte dieser &amp;Woche</translation>
    </message>
    <message>
        <source>&amp;Client list</source>
        <translation>&amp;Klientenliste</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Wiedervorlagen</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Contacts of the week</source>
        <translation>Kontakte der Woche</translation>
    </message>
    <message>
        <source>Client list</source>
        <translation>Klientenliste</translation>
    </message>
    <message>
        <source>&amp;Print list…</source>
        <translation>Liste &amp;drucken…</translation>
    </message>
    <message>
        <source>Save list as P&amp;DF…</source>
        <translation>Liste als &amp;PDF speichern…</translation>
    </message>
    <message>
        <source>Print list</source>
        <translation>Liste drucken</translation>
    </message>
    <message>
        <source>Save list as PDF</source>
        <translation>Liste als PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>Die Datei konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>&amp;Print list</source>
        <translation>Liste &amp;drucken</translation>
    </message>
    <message>
        <source>Save list as P&amp;DF</source>
        <translation>Liste als &amp;PDF speichern</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>mzdesk is locked</source>
        <translation>mzdesk ist gesperrt</translation>
    </message>
    <message>
        <source>Locked. Enter the password of %1 to continue.</source>
        <translation>Gesperrt. Geben Sie das Passwort von %1 ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>Locked after inactivity. Enter the password of %1 to continue.</source>
        <translation>Wegen Inaktivität gesperrt. Geben Sie das Passwort von %1 ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>Das Passwort ist falsch.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Create the first administrator account</source>
        <translation>Erstes Administratorkonto anlegen</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Nobody can log in to this database yet. Create the administrator account: it manages accounts and settings, but does not read case files.</source>
        <translation>Für diese Datenbank gibt es noch kein Konto. Legen Sie das Administratorkonto an: Es verwaltet Konten und Einstellungen, liest aber keine Fallakten.</translation>
    </message>
    <message>
        <source>Please log in with your user name and password.</source>
        <translation>Bitte melden Sie sich mit Benutzername und Passwort an.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Vollständiger Name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Please enter your user name.</source>
        <translation>Bitte geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
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
        <source>Counsellor</source>
        <translation>Berater/in</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Teamleitung</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Logged in: %1</source>
        <translation>Angemeldet: %1</translation>
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
        <source>&amp;Lock now</source>
        <translation>&amp;Jetzt sperren</translation>
    </message>
    <message>
        <source>S&amp;witch user …</source>
        <translation>Benutzer &amp;wechseln …</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Abmelden</translation>
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
    <name>MergeDialog</name>
    <message>
        <source>Merge persons</source>
        <translation>Personen zusammenführen</translation>
    </message>
    <message>
        <source>Both records will become one. Everything linked to the other person (cases, consents, histories, placements …) moves to the one you keep; its empty fields are filled from the other.</source>
        <translation>Aus beiden Datensätzen wird einer. Alles, was an der anderen Person hängt (Fälle, Einwilligungen, Verläufe, Vermittlungen …), geht auf die behaltene über; deren leere Felder werden aus der anderen gefüllt.</translation>
    </message>
    <message>
        <source>&amp;%1 – keep %2</source>
        <translation>&amp;%1 – %2 behalten</translation>
    </message>
    <message>
        <source>&amp;Merge …</source>
        <translation>&amp;Zusammenführen …</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
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
        <source>Nationality</source>
        <translation>Staatsangehörigkeit</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>Residence status</source>
        <translation>Aufenthaltsstatus</translation>
    </message>
    <message>
        <source>Legal category</source>
        <translation>Rechtskreis</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>The two persons side by side</source>
        <translation>Die beiden Personen nebeneinander</translation>
    </message>
    <message>
        <source>Merge %1 into %2? This cannot be undone.</source>
        <translation>%1 in %2 zusammenführen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Merging …</source>
        <translation>Wird zusammengeführt …</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <source>New event</source>
        <translation>Neue Veranstaltung</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>&amp;Employers present (Space)</source>
        <translation>&amp;Anwesende Arbeitgeber (Leertaste)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>PartnerEditDialog</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>New partner</source>
        <translation>Neuer Partner</translation>
    </message>
    <message>
        <source>Edit partner</source>
        <translation>Partner bearbeiten</translation>
    </message>
    <message>
        <source>– please choose –</source>
        <translation>– bitte wählen –</translation>
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
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Edit partner (inactive)</source>
        <translation>Partner bearbeiten (inaktiv)</translation>
    </message>
    <message>
        <source>Please enter the name.</source>
        <translation>Bitte den Namen eingeben.</translation>
    </message>
    <message>
        <source>Please choose the kind of partner.</source>
        <translation>Bitte die Partnerart wählen.</translation>
    </message>
    <message>
        <source>Partner changed meanwhile</source>
        <translation>Partner inzwischen geändert</translation>
    </message>
    <message>
        <source>Someone else saved this partner while you were editing it.</source>
        <translation>Jemand anderes hat diesen Partner gespeichert, während Sie ihn bearbeitet haben.</translation>
    </message>
    <message>
        <source>Save your input over it, or go back and check?</source>
        <translation>Ihre Eingaben darüber speichern oder zurückgehen und prüfen?</translation>
    </message>
    <message>
        <source>Save mine over it</source>
        <translation>Meine Eingaben speichern</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>Partner&amp;art</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Partnerart</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>Abteilun&amp;g</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>St&amp;reet</source>
        <translation>St&amp;raße</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>&amp;PLZ</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>&amp;Town</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Ph&amp;one</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>&amp;Letter language</source>
        <translation>&amp;Briefsprache</translation>
    </message>
    <message>
        <source>Letter language</source>
        <translation>Briefsprache</translation>
    </message>
    <message>
        <source>Serv&amp;ices</source>
        <translation>Leist&amp;ungen/Angebote</translation>
    </message>
    <message>
        <source>Services, one per line</source>
        <translation>Leistungen und Angebote, eine je Zeile</translation>
    </message>
    <message>
        <source>One service per line, e.g. training places</source>
        <translation>Eine Leistung je Zeile, z. B. Ausbildungsplätze</translation>
    </message>
    <message>
        <source>Contact people</source>
        <translation>Ansprechpersonen</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>Contact person&apos;s name</source>
        <translation>Name der Ansprechperson</translation>
    </message>
    <message>
        <source>&amp;Function</source>
        <translation>Fun&amp;ktion</translation>
    </message>
    <message>
        <source>Contact person&apos;s function</source>
        <translation>Funktion der Ansprechperson</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Te&amp;lefon</translation>
    </message>
    <message>
        <source>Contact person&apos;s phone</source>
        <translation>Telefon der Ansprechperson</translation>
    </message>
    <message>
        <source>E-m&amp;ail</source>
        <translation>E-Ma&amp;il</translation>
    </message>
    <message>
        <source>Contact person&apos;s e-mail</source>
        <translation>E-Mail der Ansprechperson</translation>
    </message>
    <message>
        <source>Add &amp;contact person</source>
        <translation>Ansprechperson &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Remo&amp;ve contact person</source>
        <translation>Ansprechperson ent&amp;fernen</translation>
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
        <source>Choose a CSV file</source>
        <translation>CSV-Datei wählen</translation>
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
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Deactivate…</source>
        <translation>Deaktivieren…</translation>
    </message>
    <message>
        <source>Reactivate…</source>
        <translation>Reaktivieren…</translation>
    </message>
    <message>
        <source>Deactivate partner</source>
        <translation>Partner deaktivieren</translation>
    </message>
    <message>
        <source>Deactivate &quot;%1&quot;?</source>
        <translation>„%1“ deaktivieren?</translation>
    </message>
    <message>
        <source>The partner is not deleted: referrals, consents and events keep it. It is no longer offered for new referrals and is hidden in this list unless &quot;show inactive&quot; is ticked.</source>
        <translation>Der Partner wird nicht gelöscht: Weiterleitungen, Einwilligungen und Veranstaltungen behalten ihn. Für neue Weiterleitungen wird er nicht mehr angeboten; in dieser Liste erscheint er nur mit „inaktive zeigen“.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Reactivate partner</source>
        <translation>Partner reaktivieren</translation>
    </message>
    <message>
        <source>Reactivate &quot;%1&quot;?</source>
        <translation>„%1“ reaktivieren?</translation>
    </message>
    <message>
        <source>It is offered for new referrals again.</source>
        <translation>Er wird für neue Weiterleitungen wieder angeboten.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Reaktivieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
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
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>show inactive</source>
        <translation>inaktive zeigen</translation>
    </message>
    <message>
        <source>Also list partners that were deactivated</source>
        <translation>Auch deaktivierte Partner anzeigen</translation>
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
    <name>PasswordDialog</name>
    <message>
        <source>Set password for %1</source>
        <translation>Passwort für %1 setzen</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Neues &amp;Passwort:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
</context>
<context>
    <name>PersonDetail</name>
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
        <source>Select a person in the list to see their file.</source>
        <translation>Person in der Liste auswählen, um ihre Akte zu sehen.</translation>
    </message>
    <message>
        <source>Change residence status</source>
        <translation>Aufenthaltsstatus ändern</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Einwilligungen</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Hinweise</translation>
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
        <source>Placements</source>
        <translation>Vermittlungen</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Fall bearbeiten</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <source>Create referral</source>
        <translation>Überweisung erstellen</translation>
    </message>
    <message>
        <source>Record placement</source>
        <translation>Vermittlung erfassen</translation>
    </message>
    <message>
        <source>Cases of this person</source>
        <translation>Fälle dieser Person</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Status changes</source>
        <translation>Statuswechsel</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Berater/in</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Timeline of the selected case</source>
        <translation>Verlauf des ausgewählten Falls</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Haushalt</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>Offene Wiedervorlagen</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
</context>
<context>
    <name>PersonDetailPane</name>
    <message>
        <source>New case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Fall bearbeiten</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Status ändern</translation>
    </message>
    <message>
        <source>Change residence status</source>
        <translation>Aufenthaltsstatus ändern</translation>
    </message>
    <message>
        <source>Create referral</source>
        <translation>Überweisung erstellen</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Einwilligungen</translation>
    </message>
    <message>
        <source>New follow-up…</source>
        <translation>Wiedervorlage anlegen…</translation>
    </message>
    <message>
        <source>Follow-up done</source>
        <translation>Wiedervorlage erledigt</translation>
    </message>
    <message>
        <source>Record placement…</source>
        <translation>Vermittlung erfassen…</translation>
    </message>
    <message>
        <source>Not available in this installation yet</source>
        <translation>In dieser Installation noch nicht verfügbar</translation>
    </message>
    <message>
        <source>Reopen the case to log a contact</source>
        <translation>Fall wieder öffnen, um einen Kontakt zu erfassen</translation>
    </message>
    <message>
        <source>New contact (Ctrl+K)</source>
        <translation>Neuer Kontakt (Strg+K)</translation>
    </message>
    <message>
        <source>Select a person in the list to see their file.</source>
        <translation>Person in der Liste auswählen, um ihre Akte zu sehen.</translation>
    </message>
    <message>
        <source>Residence document expired on %1</source>
        <translation>Aufenthaltsdokument abgelaufen am %1</translation>
    </message>
    <message>
        <source>Residence document expires on %1</source>
        <translation>Aufenthaltsdokument läuft ab am %1</translation>
    </message>
    <message>
        <source>No residence status recorded</source>
        <translation>Kein Aufenthaltsstatus erfasst</translation>
    </message>
    <message>
        <source>No valid consent to pass on data</source>
        <translation>Keine gültige Einwilligung zur Datenweitergabe</translation>
    </message>
    <message>
        <source>This person was merged into another file</source>
        <translation>Diese Person wurde mit einer anderen Akte zusammengeführt</translation>
    </message>
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
    <message numerus="yes">
        <source>(%n overdue)</source>
        <translation>
            <numerusform>(%n überfällig)</numerusform>
            <numerusform>(%n überfällig)</numerusform>
        </translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (abgelaufen)</translation>
    </message>
    <message>
        <source>No case yet</source>
        <translation>Noch kein Fall</translation>
    </message>
    <message>
        <source>on %1: %2</source>
        <translation>am %1: %2</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>noch niemand</translation>
    </message>
    <message>
        <source>Older contacts are not shown.</source>
        <translation>Ältere Kontakte werden nicht angezeigt.</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>Abschließen…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Ruhen lassen</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>The case of %1 is closed (%2). A contact belongs to a running case.</source>
        <translation>Der Fall vom %1 ist abgeschlossen (%2). Ein Kontakt gehört zu einem laufenden Fall.</translation>
    </message>
    <message>
        <source>Reopen this case, or open a new case?</source>
        <translation>Diesen Fall wieder öffnen oder einen neuen Fall anlegen?</translation>
    </message>
    <message>
        <source>Re&amp;open case</source>
        <translation>Fall &amp;wieder öffnen</translation>
    </message>
    <message>
        <source>There is no case for %1 yet. A contact belongs to a case.</source>
        <translation>Für %1 gibt es noch keinen Fall. Ein Kontakt gehört zu einem Fall.</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;Neuen Fall anlegen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Select an open follow-up in the timeline (arrow keys), then press Ctrl+Shift+D.</source>
        <translation>Bitte in der Zeitleiste eine offene Wiedervorlage wählen (Pfeiltasten), dann Strg+Umschalt+D drücken.</translation>
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
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>Found under a similar spelling of what was typed</source>
        <translation>Gefunden unter einer ähnlichen Schreibweise des Eingegebenen</translation>
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
    <name>PlacementDialog</name>
    <message>
        <source>Record placement</source>
        <translation>Vermittlung erfassen</translation>
    </message>
    <message>
        <source>Edit placement</source>
        <translation>Vermittlung bearbeiten</translation>
    </message>
    <message>
        <source>End placement</source>
        <translation>Vermittlung beenden</translation>
    </message>
    <message>
        <source>In the partner directory (%1)</source>
        <translation>Im Partnerverzeichnis (%1)</translation>
    </message>
    <message>
        <source>Not in the partner directory</source>
        <translation>Nicht im Partnerverzeichnis</translation>
    </message>
    <message>
        <source>A&amp;dd to the partner directory as %1</source>
        <translation>Als %1 ins Partnerverzeichnis au&amp;fnehmen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Em&amp;ployer / provider</source>
        <translation>Arbeit&amp;geber / Träger</translation>
    </message>
    <message>
        <source>type to choose from the partner directory</source>
        <translation>tippen, um aus dem Partnerverzeichnis zu wählen</translation>
    </message>
    <message>
        <source>A&amp;dd to the partner directory</source>
        <translation>Ins Partnerverzeichnis au&amp;fnehmen</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>&amp;Beginn</translation>
    </message>
    <message>
        <source>DD.MM.YYYY or +14 (days)</source>
        <translation>TT.MM.JJJJ oder +14 (Tage)</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>&amp;Ende</translation>
    </message>
    <message>
        <source>empty: still running</source>
        <translation>leer: läuft noch</translation>
    </message>
    <message>
        <source>&amp;Hours per week</source>
        <translation>&amp;Wochenstunden</translation>
    </message>
    <message>
        <source>e.g. 39 or 19,5</source>
        <translation>z. B. 39 oder 19,5</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>The note is shown on screen only: never printed, never in the statistics. Shift+Enter starts a new line.</source>
        <translation>Die Notiz erscheint nur am Bildschirm: nie gedruckt, nie in der Statistik. Umschalt+Enter beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Vornamen</translation>
    </message>
    <message>
        <source>Family name (original script)</source>
        <translation>Familienname (Originalschrift)</translation>
    </message>
    <message>
        <source>Given names (original script)</source>
        <translation>Vornamen (Originalschrift)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Date of birth precision</source>
        <translation>Genauigkeit des Geburtsdatums</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Gemeinde</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Dolmetschsprache</translation>
    </message>
    <message>
        <source>Arrival date</source>
        <translation>Einreisedatum</translation>
    </message>
    <message>
        <source>German level</source>
        <translation>Deutschniveau</translation>
    </message>
    <message>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Haushalt</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Eröffnet am</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Abgeschlossen am</translation>
    </message>
    <message>
        <source>Closing reason</source>
        <translation>Abschlussgrund</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Berater/in</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kontaktweg</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Erledigt am</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referral</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>Referral letter</source>
        <translation>Überweisungsschreiben</translation>
    </message>
    <message>
        <source>Referral letter (as sent)</source>
        <translation>Überweisungsschreiben (wie versandt)</translation>
    </message>
    <message>
        <source>Create referral</source>
        <translation>Überweisung erstellen</translation>
    </message>
    <message>
        <source>Type to search partners</source>
        <translation>Zum Suchen tippen</translation>
    </message>
    <message>
        <source>Record &amp;consent…</source>
        <translation>Einwilligung er&amp;fassen…</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Leistung:</translation>
    </message>
    <message>
        <source>P&amp;urpose:</source>
        <translation>&amp;Zweck:</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>&amp;Anliegen:</translation>
    </message>
    <message>
        <source>Data in the &amp;letter:</source>
        <translation>&amp;Daten im Brief:</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>&amp;Vorschau…</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>Als &amp;Entwurf speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Choose a partner to see what the letter contains.</source>
        <translation>Partner wählen, um zu sehen, was der Brief enthält.</translation>
    </message>
    <message>
        <source>not recorded in mzdesk</source>
        <translation>in mzdesk nicht erfasst</translation>
    </message>
    <message>
        <source>not for this partner</source>
        <translation>für diesen Partner nicht vorgesehen</translation>
    </message>
    <message>
        <source>no consent for this partner</source>
        <translation>keine Einwilligung für diesen Partner</translation>
    </message>
    <message>
        <source>Nothing ticked: the letter needs at least one piece of data.</source>
        <translation>Nichts angekreuzt: Der Brief braucht mindestens eine Angabe.</translation>
    </message>
    <message>
        <source>Covered by the consent of %1 (text %2).</source>
        <translation>Gedeckt durch die Einwilligung vom %1 (Textfassung %2).</translation>
    </message>
    <message>
        <source>Referral to %1</source>
        <translation>Überweisung an %1</translation>
    </message>
    <message>
        <source>Please choose a partner from the list.</source>
        <translation>Bitte einen Partner aus der Liste wählen.</translation>
    </message>
    <message>
        <source>Please enter the purpose of the referral.</source>
        <translation>Bitte den Zweck der Überweisung angeben.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Schl&amp;ießen</translation>
    </message>
</context>
<context>
    <name>ReferralsView</name>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>versandt</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Antwort bis</translation>
    </message>
    <message>
        <source>Reason for rejection</source>
        <translation>Ablehnungsgrund</translation>
    </message>
    <message>
        <source>Referral &amp;letter…</source>
        <translation>Überweisungs&amp;brief…</translation>
    </message>
    <message>
        <source>Print letters prepared &amp;today…</source>
        <translation>&amp;Heute vorbereitete Briefe drucken…</translation>
    </message>
    <message>
        <source>&amp;Refresh referrals</source>
        <translation>Überweisungen a&amp;ktualisieren</translation>
    </message>
    <message numerus="yes">
        <source>%n referral(s)</source>
        <translation>
            <numerusform>%n Überweisung</numerusform>
            <numerusform>%n Überweisungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your referrals were rejected.</source>
        <translation>
            <numerusform>%n Ihrer Überweisungen wurde abgelehnt.</numerusform>
            <numerusform>%n Ihrer Überweisungen wurden abgelehnt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Latest: %1 – %2</source>
        <translation>Zuletzt: %1 – %2</translation>
    </message>
    <message>
        <source>No answer yet: ask the partner</source>
        <translation>Noch keine Antwort: bitte bei der Partnerstelle nachfragen</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Referral rejected</source>
        <translation>Überweisung abgelehnt</translation>
    </message>
    <message>
        <source>The partner&apos;s reason:</source>
        <translation>Begründung des Partners:</translation>
    </message>
    <message>
        <source>Revoke referral</source>
        <translation>Überweisung zurückziehen</translation>
    </message>
    <message>
        <source>Revoke this referral? The partner should be told.</source>
        <translation>Diese Überweisung zurückziehen? Der Partner sollte informiert werden.</translation>
    </message>
    <message>
        <source>No letters were prepared today.</source>
        <translation>Heute wurden keine Briefe vorbereitet.</translation>
    </message>
    <message numerus="yes">
        <source>Print %n letter(s)</source>
        <translation>
            <numerusform>%n Brief drucken</numerusform>
            <numerusform>%n Briefe drucken</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing …</source>
        <translation>Drucke …</translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) printed.</source>
        <translation>
            <numerusform>%n Brief gedruckt.</numerusform>
            <numerusform>%n Briefe gedruckt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n letter(s) not printed: the consent is no longer valid.</source>
        <translation>
            <numerusform>%n Brief nicht gedruckt: die Einwilligung gilt nicht mehr.</numerusform>
            <numerusform>%n Briefe nicht gedruckt: die Einwilligung gilt nicht mehr.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Drucken abgebrochen.</translation>
    </message>
    <message>
        <source>Printing today&apos;s letters …</source>
        <translation>Die heutigen Briefe werden gedruckt …</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Überweisungen</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>All referral letters sent today, in one print job (Ctrl+Shift+P)</source>
        <translation>Alle heute versandten Überweisungsbriefe in einem Druckauftrag (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>&amp;Letter…</source>
        <translation>&amp;Brief…</translation>
    </message>
    <message>
        <source>&amp;Accepted</source>
        <translation>&amp;Angenommen</translation>
    </message>
    <message>
        <source>&amp;Rejected…</source>
        <translation>Abge&amp;lehnt…</translation>
    </message>
    <message>
        <source>D&amp;one</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Zurückziehen…</translation>
    </message>
</context>
<context>
    <name>ResidenceStatusDialog</name>
    <message>
        <source>Residence &amp;status</source>
        <translation>Aufenthalts&amp;status</translation>
    </message>
    <message>
        <source>&amp;Work permission</source>
        <translation>&amp;Erwerbstätigkeit</translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation>Gültig &amp;ab</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation>Gültig &amp;bis</translation>
    </message>
    <message>
        <source>DD.MM.YYYY (empty: no expiry)</source>
        <translation>TT.MM.JJJJ (leer: unbefristet)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;otiz</translation>
    </message>
    <message>
        <source>&amp;Legal category</source>
        <translation>&amp;Rechtskreis</translation>
    </message>
    <message>
        <source>Legal category &amp;from</source>
        <translation>Rechtskreis sei&amp;t</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
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
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Farben:</translation>
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
    <name>SettingsLabels</name>
    <message>
        <source>Letterhead</source>
        <translation>Briefkopf</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Wiedervorlagen</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Überweisungen</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Retention periods</source>
        <translation>Aufbewahrungsfristen</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Datensicherung</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Behörde</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Short name (return address)</source>
        <translation>Kurzname (Absenderzeile)</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
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
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Logo (PNG or JPEG file)</source>
        <translation>Logo (PNG- oder JPEG-Datei)</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Kontoinhaber</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>IBAN (empty: no bank details in letters)</source>
        <translation>IBAN (leer: keine Bankverbindung in Briefen)</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Residence documents: warn weeks ahead</source>
        <translation>Aufenthaltsdokumente: Wochen vorher erinnern</translation>
    </message>
    <message>
        <source>Referral answer deadline (days)</source>
        <translation>Antwortfrist für Überweisungen (Tage)</translation>
    </message>
    <message>
        <source>Lock after inactivity (minutes)</source>
        <translation>Sperre nach Inaktivität (Minuten)</translation>
    </message>
    <message>
        <source>Failed logins before an account locks</source>
        <translation>Fehlversuche bis zur Kontosperre</translation>
    </message>
    <message>
        <source>Account lock after failed logins (minutes)</source>
        <translation>Kontosperre nach Fehlversuchen (Minuten)</translation>
    </message>
    <message>
        <source>Erase persons N years after their last case closed</source>
        <translation>Personen N Jahre nach Abschluss des letzten Falls löschen</translation>
    </message>
    <message>
        <source>Erase persons without a case after N years</source>
        <translation>Personen ohne Fall nach N Jahren löschen</translation>
    </message>
    <message>
        <source>Keep audit entries (years)</source>
        <translation>Protokolleinträge aufbewahren (Jahre)</translation>
    </message>
    <message>
        <source>Backups: keep the newest of each of the last N days</source>
        <translation>Sicherungen: die neueste jedes der letzten N Tage behalten</translation>
    </message>
    <message>
        <source>Backup folder (empty: &apos;backups&apos; beside the database)</source>
        <translation>Sicherungsordner (leer: „backups“ neben der Datenbank)</translation>
    </message>
    <message>
        <source>File with the backup passphrase (empty: unencrypted)</source>
        <translation>Datei mit der Sicherungs-Passphrase (leer: unverschlüsselt)</translation>
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
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Enter opens the person&apos;s file</source>
        <translation>Enter öffnet die Akte der Person</translation>
    </message>
    <message>
        <source>List: %1 of %2, every record behind the figure</source>
        <translation>Liste: %1 von %2, alle Datensätze hinter der Zahl</translation>
    </message>
    <message>
        <source>List: %1 only — %2 of %3; the figure is for the whole organisation</source>
        <translation>Liste: nur %1 — %2 von %3; die Zahl gilt für die ganze Organisation</translation>
    </message>
    <message>
        <source>List: only the records you may see — %1 of %2; the figure is for the whole organisation</source>
        <translation>Liste: nur die Datensätze, die Sie sehen dürfen — %1 von %2; die Zahl gilt für die ganze Organisation</translation>
    </message>
    <message>
        <source>Enter or a double click opens the person&apos;s file.</source>
        <translation>Enter oder Doppelklick öffnet die Akte der Person.</translation>
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
        <source>Statistics %1: %2 placements, %3 referrals (placements count events, not persons). Enter or a double click on a figure lists its records.</source>
        <translation>Statistik %1: %2 Vermittlungen, %3 Überweisungen (gezählt werden Vermittlungen, nicht Personen). Enter oder Doppelklick auf eine Zahl zeigt die Datensätze.</translation>
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
<context>
    <name>TeamDialog</name>
    <message>
        <source>New team</source>
        <translation>Neues Team</translation>
    </message>
    <message>
        <source>&amp;Name of the team:</source>
        <translation>&amp;Name des Teams:</translation>
    </message>
    <message>
        <source>Please enter the team&apos;s name.</source>
        <translation>Bitte den Namen des Teams eingeben.</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>Benutzerkonten</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Neues Konto…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>Ände&amp;rn…</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>&amp;Passwort setzen…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>Dea&amp;ktivieren</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>Akti&amp;vieren</translation>
    </message>
    <message>
        <source>New &amp;team…</source>
        <translation>Neues &amp;Team…</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>gesperrt bis %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>Account %1 created.</source>
        <translation>Konto %1 angelegt.</translation>
    </message>
    <message>
        <source>Account %1 changed.</source>
        <translation>Konto %1 geändert.</translation>
    </message>
    <message>
        <source>New password set for %1.</source>
        <translation>Neues Passwort für %1 gesetzt.</translation>
    </message>
    <message>
        <source>Disable account?</source>
        <translation>Konto deaktivieren?</translation>
    </message>
    <message>
        <source>%1 can no longer log in. The account&apos;s history stays; it can be enabled again.</source>
        <translation>%1 kann sich dann nicht mehr anmelden. Der Verlauf des Kontos bleibt; es lässt sich wieder aktivieren.</translation>
    </message>
    <message>
        <source>Account %1 disabled.</source>
        <translation>Konto %1 deaktiviert.</translation>
    </message>
    <message>
        <source>Account %1 enabled.</source>
        <translation>Konto %1 aktiviert.</translation>
    </message>
    <message>
        <source>Team %1 created.</source>
        <translation>Team %1 angelegt.</translation>
    </message>
</context>
</TS>
