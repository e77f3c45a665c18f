//! Invented name parts for synthetic persons. Combinations are random: any
//! resemblance to a real person is chance. Grouped loosely by language area
//! so that the fuzzy linkage has realistic spelling to work with.

pub struct NameBank {
    pub male: &'static [&'static str],
    pub female: &'static [&'static str],
    pub family: &'static [&'static str],
}

pub const WEST_AFRICA: NameBank = NameBank {
    male: &[
        "Mohamed", "Ibrahim", "Alhaji", "Abu", "Sorie", "Mamadou", "Alpha", "Ousmane", "Sekou", "Lansana", "Foday",
        "Amadu", "Kabba", "Saidu", "Issa", "Moussa", "Boubacar", "Yaya", "Komlan", "Kossi",
    ],
    female: &[
        "Fatmata", "Mariama", "Aminata", "Isatu", "Kadiatou", "Hawa", "Adama", "Ramatu", "Afi", "Mawuena",
    ],
    family: &[
        "Kamara", "Sesay", "Conteh", "Bangura", "Koroma", "Diallo", "Bah", "Barry", "Sow", "Camara", "Kanu", "Turay",
        "Jalloh", "Mansaray", "Keita", "Traoré", "Issoufou", "Agbeko", "Mensah", "Okafor",
    ],
};

pub const CENTRAL_AFRICA: NameBank = NameBank {
    male: &[
        "João", "Manuel", "António", "Domingos", "Pedro", "Afonso", "Jean", "Pierre", "Emmanuel", "Patrick", "Didier",
        "Claude", "Mateus", "Nelson", "Evaristo",
    ],
    female: &[
        "Maria",
        "Esperança",
        "Luisa",
        "Teresa",
        "Joana",
        "Grace",
        "Claudine",
        "Solange",
        "Rosa",
        "Delfina",
    ],
    family: &[
        "Lukamba",
        "Nsimba",
        "Kiala",
        "Mbala",
        "Fernandes",
        "da Silva",
        "dos Santos",
        "Kabongo",
        "Ndayishimiye",
        "Nkurunziza",
        "Mutombo",
        "Tshibangu",
        "Bunga",
        "Makiese",
        "Nzinga",
    ],
};

pub const EAST_AFRICA: NameBank = NameBank {
    male: &[
        "Abdi",
        "Mohamud",
        "Hassan",
        "Yonas",
        "Dawit",
        "Tesfaye",
        "Omar",
        "Ahmed",
        "Abdullahi",
        "Bereket",
    ],
    female: &[
        "Hodan", "Amina", "Sahra", "Hiwot", "Selam", "Ayan", "Filsan", "Meron", "Asha", "Ruth",
    ],
    family: &[
        "Warsame",
        "Abdirahman",
        "Gebremedhin",
        "Tesfamariam",
        "Osman",
        "Haile",
        "Farah",
        "Yusuf",
        "Mekonnen",
        "Ali",
        "Adan",
        "Tadesse",
    ],
};

pub const ASIA: NameBank = NameBank {
    male: &[
        "Wei", "Jun", "Lei", "Hao", "Minh", "Tuan", "Ahmad", "Ali Reza", "Hamid", "Karim", "Mustafa", "Haider",
        "Farid", "Sami", "Tenzin",
    ],
    female: &[
        "Mei", "Li Na", "Xiu", "Lan", "Thi Hoa", "Mariam", "Zahra", "Shirin", "Leila", "Nargis",
    ],
    family: &[
        "Chen",
        "Wang",
        "Zhang",
        "Liu",
        "Nguyen",
        "Tran",
        "Pham",
        "Ahmadi",
        "Hosseini",
        "Rahimi",
        "Al-Jabouri",
        "Hussein",
        "Karimi",
        "Mohammadi",
        "Sultani",
    ],
};

pub const EUROPE_AMERICA: NameBank = NameBank {
    male: &["Arben", "Dritan", "Ilir", "Luis", "Carlos", "Dmitri", "Andrei", "Goran"],
    female: &["Elira", "Blerta", "Ana", "Paula", "Irina", "Milica"],
    family: &[
        "Hoxha",
        "Krasniqi",
        "Berisha",
        "Gómez",
        "Rodríguez",
        "Ivanov",
        "Petrović",
        "Popescu",
    ],
};
