"""Name pools: common given and family names per language area, never real people.

Persons get random combinations of these. Each entry lists the Latin spellings met on German
documents (the first one most often) — the transliteration variants a duplicate check must
see through — and, where the language has its own script, the name in that script.

Entries are separated by ``;`` or a line break: ``"Latin|Variant=Original"``, and a family
name with a female form ``"Ivanov|Iwanow/Ivanova|Iwanowa=Іванов/Іванова"``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Name:
    variants: tuple[str, ...]
    original: str | None = None
    female_variants: tuple[str, ...] | None = None
    female_original: str | None = None

    def spell(self, rng: random.Random, *, female: bool = False) -> tuple[str, str | None]:
        """One Latin spelling (the first variant half of the time) and the original script."""
        variants, original = self.variants, self.original
        if female and self.female_variants:
            variants, original = self.female_variants, self.female_original
        if len(variants) == 1 or rng.random() < 0.5:
            return variants[0], original
        return variants[1 + int(rng.random() * (len(variants) - 1))], original


def parse(entry: str) -> Name:
    latin, _, script = entry.partition("=")
    male, _, female = latin.partition("/")
    original, _, female_original = script.partition("/")
    return Name(
        variants=tuple(male.split("|")),
        original=original or None,
        female_variants=tuple(female.split("|")) if female else None,
        female_original=female_original or None,
    )


@dataclass(frozen=True)
class NamePool:
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    family: tuple[Name, ...]


_ARABIC_MALE = """
Mohammed|Muhammad|Mohamad|Mohamed|Mohammad=محمد; Ahmad|Ahmed=أحمد; Ali=علي; Omar|Umar=عمر;
Yusuf|Yousef|Youssef|Yousif=يوسف; Khaled|Khalid=خالد; Mahmoud|Mahmud=محمود;
Hassan|Hasan=حسن; Hussein|Hussain|Husain=حسين; Ibrahim|Ebrahim=إبراهيم;
Abdullah|Abdallah=عبد الله; Mustafa|Mostafa=مصطفى; Bilal=بلال; Karim|Kareem=كريم;
Samer=سامر; Rami=رامي; Fadi=فادي; Tarek|Tariq|Tarik=طارق; Walid|Waleed=وليد;
Jamal|Gamal=جمال
"""
_ARABIC_FEMALE = """
Fatima|Fatma|Fatemah=فاطمة; Aisha|Aysha|Aicha=عائشة; Maryam|Mariam=مريم; Nour|Noor|Nur=نور;
Rania=رانيا; Lina=لينا; Hiba|Heba=هبة; Amal=أمل; Zainab|Zeinab|Zaynab=زينب; Huda|Hoda=هدى;
Yasmin|Yasmine|Jasmin=ياسمين; Rasha=رشا; Salma=سلمى; Sara|Sarah=سارة;
Layla|Leila|Laila=ليلى; Reem|Rim=ريم; Doaa|Duaa=دعاء
"""
_ARABIC_FAMILY = """
Al-Ahmad|Alahmad|Al Ahmad=الأحمد; Al-Hassan|Alhasan=الحسن; Haddad=حداد; Khalil=خليل;
Ibrahim=إبراهيم; Mansour|Mansur=منصور; Nasser|Nasir=ناصر; Saleh|Salih=صالح; Hamdan=حمدان;
Darwish|Darwisch=درويش; Suleiman|Sulaiman|Sleiman=سليمان; Othman|Osman|Uthman=عثمان;
Al-Khatib|Alkhatib=الخطيب; Hamed|Hamid=حامد; Abdulrahman|Abdelrahman=عبد الرحمن;
Al-Ali|Alali=العلي; Hussein|Hussain=حسين; Mohammed|Muhammad|Mohamad=محمد;
Al-Jasem|Aljasim=الجاسم; Al-Hamoud|Alhamoud=الحمود; Sheikho|Scheicho=شيخو;
Mustafa|Mostafa=مصطفى; Kassem|Qasim|Kasim=قاسم; Al-Issa|Alissa=العيسى;
Younes|Yunus|Younis=يونس
"""
_PERSIAN_MALE = """
Mohammad|Mohammed|Muhammad|Mohamad=محمد; Ahmad=احمد; Ali=علی; Reza|Resa=رضا; Hamid=حمید;
Mahmood|Mahmoud|Mahmud=محمود; Hossein|Hussain|Hussein|Hosain=حسین; Mustafa|Mostafa=مصطفی;
Jawad|Javad=جواد; Nasir|Naser|Nasser=ناصر; Farid=فرید; Omid=امید; Amir=امیر;
Mehdi|Mahdi=مهدی; Rahim=رحیم; Sayed|Sayyed|Seyed=سید; Zabihullah|Zabiullah=ذبیح‌الله;
Najibullah=نجیب‌الله; Ehsan|Ihsan=احسان; Morteza|Murtaza=مرتضی
"""
_PERSIAN_FEMALE = """
Fatima|Fatemeh|Fatema=فاطمه; Zahra|Sahra=زهرا; Maryam|Mariam=مریم;
Masooma|Masoumeh|Masuma=معصومه; Parisa=پریسا; Shabnam=شبنم; Nargis|Narges=نرگس;
Farzana|Farsana=فرزانه; Sakina|Sakineh=سکینه; Roya=رویا; Mina=مینا;
Fereshta|Fereshteh=فرشته; Laila|Leila|Layla=لیلا; Soraya|Suraya=ثریا; Mahsa=مهسا
"""
_PERSIAN_FAMILY = """
Ahmadi=احمدی; Rahimi=رحیمی; Hakimi=حکیمی; Karimi=کریمی; Mohammadi|Muhammadi=محمدی;
Hosseini|Hussaini|Husseini=حسینی; Heydari|Haidari|Haydari=حیدری; Noori|Nouri|Nuri=نوری;
Rezaei|Rezai|Rezaie=رضایی; Sultani|Soltani=سلطانی; Jafari|Jafary|Djafari=جعفری;
Sadat=سادات; Amiri=امیری; Azizi=عزیزی; Hashimi|Hashemi=هاشمی; Popal=پوپل;
Stanikzai|Stanekzai=ستانکزی; Wardak=وردک; Safi=صافی; Rasuli|Rasouli=رسولی;
Mousavi|Musawi|Moussavi=موسوی; Akbari=اکبری; Habibi=حبیبی
"""
_UKRAINIAN_MALE = """
Oleksandr|Aleksandr|Alexander|Olexandr=Олександр; Serhii|Serhiy|Sergei|Sergej=Сергій;
Andrii|Andriy|Andrei|Andrej=Андрій; Dmytro|Dmitri|Dmitrij=Дмитро;
Mykola|Nikolai|Nikolaj=Микола; Volodymyr|Vladimir|Wolodymyr=Володимир;
Yurii|Yuriy|Yuri|Juri=Юрій; Ivan=Іван; Vasyl|Wassyl|Vasily=Василь; Oleh|Oleg=Олег;
Maksym|Maxim|Maksim=Максим; Artem|Artyom|Artjom=Артем; Bohdan|Bogdan=Богдан; Taras=Тарас
"""
_UKRAINIAN_FEMALE = """
Olena|Elena|Jelena=Олена; Tetiana|Tetyana|Tatiana|Tatjana=Тетяна;
Nataliia|Natalia|Natalija=Наталія; Iryna|Irina=Ірина; Svitlana|Svetlana=Світлана;
Oksana=Оксана; Yuliia|Yulia|Julia|Julija=Юлія; Kateryna|Ekaterina|Katerina=Катерина;
Anastasiia|Anastasia|Anastasija=Анастасія; Mariia|Maria|Marija=Марія;
Viktoriia|Viktoria|Wiktoria=Вікторія; Halyna|Galina|Halina=Галина;
Liudmyla|Ludmila|Lyudmila=Людмила; Inna=Інна
"""
_UKRAINIAN_FAMILY = """
Kovalenko|Kowalenko=Коваленко; Bondarenko=Бондаренко; Shevchenko|Schewtschenko=Шевченко;
Tkachenko|Tkatschenko=Ткаченко; Kravchenko|Krawtschenko=Кравченко; Melnyk|Melnik=Мельник;
Boiko|Boyko|Bojko=Бойко; Koval|Kowal=Коваль; Shevchuk|Schewtschuk=Шевчук;
Polishchuk|Polischtschuk=Поліщук; Lysenko|Lissenko=Лисенко; Marchenko|Martschenko=Марченко;
Moroz=Мороз; Savchenko|Sawtschenko=Савченко; Rudenko=Руденко; Petrenko=Петренко;
Kovalchuk|Kowaltschuk=Ковальчук; Oliinyk|Oleinik|Olijnyk=Олійник; Tkachuk=Ткачук;
Hrytsenko|Gritsenko=Гриценко; Ivanov|Iwanow/Ivanova|Iwanowa=Іванов/Іванова
"""
_RUSSIAN_MALE = """
Aleksandr|Alexander|Alexandr=Александр; Sergei|Sergey|Sergej=Сергей;
Dmitry|Dmitri|Dmitrij=Дмитрий; Andrei|Andrey|Andrej=Андрей; Aleksei|Alexei|Alexej=Алексей;
Ivan=Иван; Mikhail|Michail|Michael=Михаил
"""
_RUSSIAN_FEMALE = """
Elena|Jelena|Yelena=Елена; Olga=Ольга; Natalya|Natalia|Natalja=Наталья;
Tatyana|Tatiana|Tatjana=Татьяна; Irina=Ирина; Anna=Анна; Maria|Mariya=Мария
"""
_RUSSIAN_FAMILY = """
Ivanov|Iwanow/Ivanova|Iwanowa=Иванов/Иванова;
Smirnov|Smirnow/Smirnova|Smirnowa=Смирнов/Смирнова;
Kuznetsov|Kusnezow/Kuznetsova|Kusnezowa=Кузнецов/Кузнецова;
Popov|Popow/Popova|Popowa=Попов/Попова; Sokolov|Sokolow/Sokolova|Sokolowa=Соколов/Соколова;
Volkov|Wolkow/Volkova|Wolkowa=Волков/Волкова;
Morozov|Morosow/Morozova|Morosowa=Морозов/Морозова
"""
_TURKISH_MALE = """
Mehmet; Mustafa; Ahmet; Ali; Hüseyin|Huseyin|Hueseyin; Hasan; İbrahim|Ibrahim; Murat; Emre;
Yusuf; Ömer|Omer|Oemer; Kemal; Burak; Serkan; Deniz
"""
_TURKISH_FEMALE = """
Ayşe|Ayse|Aysche; Fatma; Emine; Hatice|Hatidsche; Zeynep; Elif; Meryem; Esra; Büşra|Busra;
Özlem|Ozlem|Oezlem; Gül|Gul; Derya
"""
_TURKISH_FAMILY = """
Yılmaz|Yilmaz; Kaya; Demir; Şahin|Sahin; Çelik|Celik; Yıldız|Yildiz;
Öztürk|Ozturk|Oeztuerk; Aydın|Aydin; Arslan; Doğan|Dogan; Ağaoğlu|Agaoglu|Aghaoglu;
Kılıç|Kilic; Aslan; Koç|Koc; Polat; Güler|Guler; Karataş|Karatas
"""
_TIGRINYA_MALE = """
Yonas|Jonas; Tesfay|Tesfaye; Habtom; Mebrahtu; Kidane; Berhane; Samuel; Filmon;
Yohannes|Johannes; Semere; Amanuel|Emanuel; Dawit|Dawid; Tekle; Haile
"""
_TIGRINYA_FEMALE = """
Helen; Senait|Senayt; Selam; Ruta; Saba; Yordanos; Freweyni; Luwam; Mehret; Winta; Tsega
"""
_TIGRINYA_FAMILY = """
Tesfamariam; Ghebremichael|Gebremichael; Haile; Woldu|Weldu; Kahsay; Tekle; Abraha; Mehari;
Araya; Ghebreyesus|Gebreyesus; Berhe; Tesfay|Tesfaye
"""
_SOMALI_MALE = """
Mohamed|Mohamud|Maxamed; Abdi; Abdirahman; Ahmed|Axmed; Hassan|Xasan; Omar|Cumar; Ali|Cali;
Yusuf
"""
_SOMALI_FEMALE = """
Fadumo|Faduma; Hodan; Amina; Ayan; Sahra|Sahro; Halima|Xaliimo; Ikran; Deeqa
"""
_SOMALI_FAMILY = """
Abdi; Farah; Warsame; Hussein; Osman|Cismaan; Jama; Ali; Mohamed; Nur; Aden
"""
_ALBANIAN_MALE = """
Arben; Besnik; Driton; Fatmir; Ilir; Valon; Agron; Blerim; Ardit; Endrit; Florian; Artan
"""
_ALBANIAN_FEMALE = """
Arta; Blerta; Drita; Vjosa; Albana; Elira; Fjolla; Liridona; Mimoza; Teuta
"""
_ALBANIAN_FAMILY = """
Krasniqi|Krasniqui; Gashi; Berisha; Morina; Shala; Hoxha|Hodscha; Bytyqi|Bytyci; Kelmendi;
Hoti; Leka; Dervishi; Hasani; Rama; Zeqiri
"""
_SOUTH_SLAVIC_MALE = """
Nikola; Marko; Stefan; Milan; Dragan; Nenad; Emir; Adnan; Haris; Amar; Jasmin; Goran;
Aleksandar
"""
_SOUTH_SLAVIC_FEMALE = """
Jelena; Milica; Ana; Ivana; Marija; Amra; Lejla; Emina; Azra; Dragana
"""
_SOUTH_SLAVIC_FAMILY = """
Jovanović|Jovanovic; Petrović|Petrovic; Nikolić|Nikolic; Marković|Markovic;
Đorđević|Djordjevic|Dordevic; Stojanović|Stojanovic; Hodžić|Hodzic; Begić|Begic;
Hadžić|Hadzic; Mehmedović|Mehmedovic; Delić|Delic; Kovačević|Kovacevic;
Stojanovski/Stojanovska; Petrovski/Petrovska; Nikolovski/Nikolovska; Trajkovski/Trajkovska
"""
_ROMANIAN_MALE = """
Andrei; Ion; Mihai; Alexandru; Gheorghe; Florin; Ionuț|Ionut
"""
_ROMANIAN_FEMALE = """
Maria; Elena; Ioana; Andreea; Mihaela; Ana
"""
_ROMANIAN_FAMILY = """
Popescu; Popa; Ionescu; Dumitru; Stan; Stoica; Rusu; Munteanu
"""
_POLISH_MALE = """
Piotr; Krzysztof; Tomasz; Paweł|Pawel; Michał|Michal; Marcin
"""
_POLISH_FEMALE = """
Anna; Katarzyna; Agnieszka; Małgorzata|Malgorzata; Joanna
"""
_POLISH_FAMILY = """
Nowak; Kowalski/Kowalska; Wiśniewski|Wisniewski/Wiśniewska|Wisniewska; Wójcik|Wojcik;
Kamiński|Kaminski/Kamińska|Kaminska; Lewandowski/Lewandowska
"""
_INDIAN_MALE = """
Rahul; Amit; Arjun; Vikram; Sandeep; Rohan; Karthik
"""
_INDIAN_FEMALE = """
Priya; Ananya; Neha; Pooja; Divya; Lakshmi
"""
_INDIAN_FAMILY = """
Sharma; Patel; Singh; Kumar; Reddy; Nair; Iyer; Gupta
"""

_POOLS: dict[str, tuple[str, str, str]] = {
    "arabic": (_ARABIC_MALE, _ARABIC_FEMALE, _ARABIC_FAMILY),
    "persian": (_PERSIAN_MALE, _PERSIAN_FEMALE, _PERSIAN_FAMILY),
    "ukrainian": (_UKRAINIAN_MALE, _UKRAINIAN_FEMALE, _UKRAINIAN_FAMILY),
    "russian": (_RUSSIAN_MALE, _RUSSIAN_FEMALE, _RUSSIAN_FAMILY),
    "turkish": (_TURKISH_MALE, _TURKISH_FEMALE, _TURKISH_FAMILY),
    "tigrinya": (_TIGRINYA_MALE, _TIGRINYA_FEMALE, _TIGRINYA_FAMILY),
    "somali": (_SOMALI_MALE, _SOMALI_FEMALE, _SOMALI_FAMILY),
    "albanian": (_ALBANIAN_MALE, _ALBANIAN_FEMALE, _ALBANIAN_FAMILY),
    "south_slavic": (_SOUTH_SLAVIC_MALE, _SOUTH_SLAVIC_FEMALE, _SOUTH_SLAVIC_FAMILY),
    "romanian": (_ROMANIAN_MALE, _ROMANIAN_FEMALE, _ROMANIAN_FAMILY),
    "polish": (_POLISH_MALE, _POLISH_FEMALE, _POLISH_FAMILY),
    "indian": (_INDIAN_MALE, _INDIAN_FEMALE, _INDIAN_FAMILY),
}


def _parse_all(text: str) -> tuple[Name, ...]:
    entries = (entry.strip() for entry in text.replace("\n", ";").split(";"))
    return tuple(parse(entry) for entry in entries if entry)


@cache
def pool(name: str) -> NamePool:
    male, female, family = _POOLS[name]
    return NamePool(male=_parse_all(male), female=_parse_all(female), family=_parse_all(family))


def pool_names() -> tuple[str, ...]:
    return tuple(_POOLS)
