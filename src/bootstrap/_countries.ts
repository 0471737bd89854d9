// The world's countries as English-language news names them: ISO 3166-1 alpha-2 code, short name,
// other names and abbreviations, demonyms, and the capital (the seat of government where it differs).
// Provenance: written by hand for Parley from general knowledge (the ISO 3166-1 list of the UN members
// and observers, plus Taiwan and Kosovo, which news treats as parties); not copied from any file.
// Deliberately left out: seats and buildings ("the Kremlin", "the White House"), governments and
// cities that are not capitals. A text names them as parties only where it ties them to one.
// Ambiguous forms are left out too: "Korean", "Congolese" for the Republic of the Congo, "Dominican"
// for Dominica, "Georgia" is kept (the country), "Jordan" is kept (case-sensitive, and rare as a name
// in this genre).
//
// One line a country: CODE|name|other names|demonyms|capitals, lists separated by ";".
export const COUNTRY_TABLE = `
AF|Afghanistan||Afghan|Kabul
AL|Albania||Albanian|Tirana
DZ|Algeria||Algerian|Algiers
AD|Andorra||Andorran|Andorra la Vella
AO|Angola||Angolan|Luanda
AG|Antigua and Barbuda||Antiguan|St. John's
AR|Argentina||Argentine;Argentinian|Buenos Aires
AM|Armenia||Armenian|Yerevan
AU|Australia||Australian|Canberra
AT|Austria||Austrian|Vienna
AZ|Azerbaijan||Azerbaijani;Azeri|Baku
BS|Bahamas||Bahamian|Nassau
BH|Bahrain||Bahraini|Manama
BD|Bangladesh||Bangladeshi|Dhaka
BB|Barbados||Barbadian|Bridgetown
BY|Belarus||Belarusian|Minsk
BE|Belgium||Belgian|Brussels
BZ|Belize||Belizean|Belmopan
BJ|Benin||Beninese|Porto-Novo
BT|Bhutan||Bhutanese|Thimphu
BO|Bolivia||Bolivian|La Paz;Sucre
BA|Bosnia and Herzegovina|Bosnia|Bosnian|Sarajevo
BW|Botswana||Botswanan|Gaborone
BR|Brazil||Brazilian|Brasília;Brasilia
BN|Brunei||Bruneian|Bandar Seri Begawan
BG|Bulgaria||Bulgarian|Sofia
BF|Burkina Faso||Burkinabe|Ouagadougou
BI|Burundi||Burundian|Gitega
CV|Cabo Verde|Cape Verde|Cape Verdean|Praia
KH|Cambodia||Cambodian|Phnom Penh
CM|Cameroon||Cameroonian|Yaoundé;Yaounde
CA|Canada||Canadian|Ottawa
CF|Central African Republic||Central African|Bangui
TD|Chad||Chadian|N'Djamena
CL|Chile||Chilean|Santiago
CN|China|People's Republic of China;PRC|Chinese|Beijing
CO|Colombia||Colombian|Bogotá;Bogota
KM|Comoros||Comorian|Moroni
CG|Republic of the Congo|Congo-Brazzaville||Brazzaville
CD|Democratic Republic of the Congo|DR Congo;DRC;Congo-Kinshasa|Congolese|Kinshasa
CR|Costa Rica||Costa Rican|San José;San Jose
CI|Côte d'Ivoire|Ivory Coast;Cote d'Ivoire|Ivorian|Yamoussoukro;Abidjan
HR|Croatia||Croatian|Zagreb
CU|Cuba||Cuban|Havana
CY|Cyprus||Cypriot|Nicosia
CZ|Czech Republic|Czechia|Czech|Prague
DK|Denmark||Danish|Copenhagen
DJ|Djibouti||Djiboutian|Djibouti City
DM|Dominica|||Roseau
DO|Dominican Republic||Dominican|Santo Domingo
EC|Ecuador||Ecuadorian|Quito
EG|Egypt||Egyptian|Cairo
SV|El Salvador||Salvadoran|San Salvador
GQ|Equatorial Guinea||Equatorial Guinean|Malabo
ER|Eritrea||Eritrean|Asmara
EE|Estonia||Estonian|Tallinn
SZ|Eswatini|Swaziland|Swazi|Mbabane
ET|Ethiopia||Ethiopian|Addis Ababa
FJ|Fiji||Fijian|Suva
FI|Finland||Finnish|Helsinki
FR|France||French|Paris
GA|Gabon||Gabonese|Libreville
GM|Gambia||Gambian|Banjul
GE|Georgia||Georgian|Tbilisi
DE|Germany||German|Berlin
GH|Ghana||Ghanaian|Accra
GR|Greece||Greek|Athens
GD|Grenada||Grenadian|St. George's
GT|Guatemala||Guatemalan|Guatemala City
GN|Guinea||Guinean|Conakry
GW|Guinea-Bissau||Bissau-Guinean|Bissau
GY|Guyana||Guyanese|Georgetown
HT|Haiti||Haitian|Port-au-Prince
VA|Vatican|Holy See;Vatican City||
HN|Honduras||Honduran|Tegucigalpa
HU|Hungary||Hungarian|Budapest
IS|Iceland||Icelandic|Reykjavik
IN|India||Indian|New Delhi
ID|Indonesia||Indonesian|Jakarta
IR|Iran|Islamic Republic of Iran|Iranian|Tehran
IQ|Iraq||Iraqi|Baghdad
IE|Ireland||Irish|Dublin
IL|Israel||Israeli|Jerusalem
IT|Italy||Italian|Rome
JM|Jamaica||Jamaican|Kingston
JP|Japan||Japanese|Tokyo
JO|Jordan||Jordanian|Amman
KZ|Kazakhstan||Kazakh;Kazakhstani|Astana
KE|Kenya||Kenyan|Nairobi
KI|Kiribati|||Tarawa
KP|North Korea|DPRK;Democratic People's Republic of Korea|North Korean|Pyongyang
KR|South Korea|Republic of Korea;ROK|South Korean|Seoul
XK|Kosovo||Kosovar|Pristina
KW|Kuwait||Kuwaiti|Kuwait City
KG|Kyrgyzstan||Kyrgyz|Bishkek
LA|Laos||Lao;Laotian|Vientiane
LV|Latvia||Latvian|Riga
LB|Lebanon||Lebanese|Beirut
LS|Lesotho||Basotho|Maseru
LR|Liberia||Liberian|Monrovia
LY|Libya||Libyan|Tripoli
LI|Liechtenstein|||Vaduz
LT|Lithuania||Lithuanian|Vilnius
LU|Luxembourg||Luxembourgish|
MG|Madagascar||Malagasy|Antananarivo
MW|Malawi||Malawian|Lilongwe
MY|Malaysia||Malaysian|Kuala Lumpur;Putrajaya
MV|Maldives||Maldivian|Malé
ML|Mali||Malian|Bamako
MT|Malta||Maltese|Valletta
MH|Marshall Islands||Marshallese|Majuro
MR|Mauritania||Mauritanian|Nouakchott
MU|Mauritius||Mauritian|Port Louis
MX|Mexico||Mexican|Mexico City
FM|Micronesia||Micronesian|Palikir
MD|Moldova||Moldovan|Chisinau;Chișinău
MC|Monaco||Monegasque|
MN|Mongolia||Mongolian|Ulaanbaatar
ME|Montenegro||Montenegrin|Podgorica
MA|Morocco||Moroccan|Rabat
MZ|Mozambique||Mozambican|Maputo
MM|Myanmar|Burma|Burmese|Naypyidaw
NA|Namibia||Namibian|Windhoek
NR|Nauru||Nauruan|
NP|Nepal||Nepali;Nepalese|Kathmandu
NL|Netherlands|Holland|Dutch|Amsterdam
NZ|New Zealand||New Zealander|Wellington
NI|Nicaragua||Nicaraguan|Managua
NE|Niger||Nigerien|Niamey
NG|Nigeria||Nigerian|Abuja
MK|North Macedonia|Macedonia|Macedonian|Skopje
NO|Norway||Norwegian|Oslo
OM|Oman||Omani|Muscat
PK|Pakistan||Pakistani|Islamabad
PW|Palau||Palauan|Ngerulmud
PS|Palestine|State of Palestine|Palestinian|Ramallah
PA|Panama||Panamanian|Panama City
PG|Papua New Guinea||Papua New Guinean|Port Moresby
PY|Paraguay||Paraguayan|Asunción;Asuncion
PE|Peru||Peruvian|Lima
PH|Philippines||Filipino;Philippine|Manila
PL|Poland||Polish|Warsaw
PT|Portugal||Portuguese|Lisbon
QA|Qatar||Qatari|Doha
RO|Romania||Romanian|Bucharest
RU|Russia|Russian Federation|Russian|Moscow
RW|Rwanda||Rwandan|Kigali
KN|Saint Kitts and Nevis||Kittitian|Basseterre
LC|Saint Lucia||Saint Lucian|Castries
VC|Saint Vincent and the Grenadines||Vincentian|Kingstown
WS|Samoa||Samoan|Apia
SM|San Marino||Sammarinese|
ST|São Tomé and Príncipe|Sao Tome and Principe||São Tomé
SA|Saudi Arabia|Kingdom of Saudi Arabia|Saudi;Saudi Arabian|Riyadh
SN|Senegal||Senegalese|Dakar
RS|Serbia||Serbian;Serb|Belgrade
SC|Seychelles||Seychellois|
SL|Sierra Leone||Sierra Leonean|Freetown
SG|Singapore||Singaporean|
SK|Slovakia||Slovak|Bratislava
SI|Slovenia||Slovenian;Slovene|Ljubljana
SB|Solomon Islands||Solomon Islander|Honiara
SO|Somalia||Somali|Mogadishu
ZA|South Africa||South African|Pretoria
SS|South Sudan||South Sudanese|Juba
ES|Spain||Spanish|Madrid
LK|Sri Lanka||Sri Lankan|Colombo
SD|Sudan||Sudanese|Khartoum
SR|Suriname||Surinamese|Paramaribo
SE|Sweden||Swedish|Stockholm
CH|Switzerland||Swiss|Bern
SY|Syria||Syrian|Damascus
TW|Taiwan|Republic of China|Taiwanese|Taipei
TJ|Tajikistan||Tajik|Dushanbe
TZ|Tanzania||Tanzanian|Dodoma
TH|Thailand||Thai|Bangkok
TL|Timor-Leste|East Timor|Timorese|Dili
TG|Togo||Togolese|Lomé;Lome
TO|Tonga||Tongan|Nuku'alofa
TT|Trinidad and Tobago||Trinidadian|Port of Spain
TN|Tunisia||Tunisian|Tunis
TR|Turkey|Türkiye;Turkiye|Turkish|Ankara
TM|Turkmenistan||Turkmen|Ashgabat
TV|Tuvalu||Tuvaluan|Funafuti
UG|Uganda||Ugandan|Kampala
UA|Ukraine||Ukrainian|Kyiv;Kiev
AE|United Arab Emirates|UAE;U.A.E.|Emirati|Abu Dhabi
GB|United Kingdom|UK;U.K.;Britain;Great Britain|British|London
US|United States|U.S.;US;USA;U.S.A.;America;United States of America|American|Washington
UY|Uruguay||Uruguayan|Montevideo
UZ|Uzbekistan||Uzbek|Tashkent
VU|Vanuatu||Vanuatuan|Port Vila
VE|Venezuela||Venezuelan|Caracas
VN|Vietnam|Viet Nam|Vietnamese|Hanoi
YE|Yemen||Yemeni|Sanaa;Sana'a
ZM|Zambia||Zambian|Lusaka
ZW|Zimbabwe||Zimbabwean|Harare
`
