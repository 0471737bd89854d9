// Major international organisations, and the news organisations whose names are sources, not parties.
// Provenance: written by hand for Parley from general knowledge of the UN system, the regional
// organisations and the large wire services and broadcasters; not copied from any file.
//
// One line an organisation: ID|name|other names and abbreviations|adjectives.
export const ORGANISATION_TABLE = `
UN|United Nations|UN;U.N.|
UNSC|UN Security Council|Security Council;United Nations Security Council;U.N. Security Council|
UNGA|UN General Assembly|General Assembly;United Nations General Assembly|
WTO|World Trade Organization|WTO;World Trade Organisation|
IMF|International Monetary Fund|IMF|
WB|World Bank||
WHO|World Health Organization|World Health Organisation|
UNHCR|UN Refugee Agency|UNHCR|
UNICEF|UNICEF|UN Children's Fund|
WFP|World Food Programme|WFP|
UNRWA|UNRWA|UN Relief and Works Agency|
OCHA|UN Office for the Coordination of Humanitarian Affairs|OCHA|
IAEA|International Atomic Energy Agency|IAEA|
ICC|International Criminal Court|ICC|
ICJ|International Court of Justice|ICJ;World Court|
ICRC|International Committee of the Red Cross|ICRC;Red Cross|
EU|European Union|EU;E.U.|
EC|European Commission||
ECB|European Central Bank|ECB|
NATO|NATO|North Atlantic Treaty Organization|
OSCE|Organization for Security and Co-operation in Europe|OSCE|
COE|Council of Europe||
OECD|OECD|Organisation for Economic Co-operation and Development|
AU|African Union|AU|
ECOWAS|ECOWAS|Economic Community of West African States|
LAS|Arab League|League of Arab States|
GCC|Gulf Cooperation Council|GCC|
OIC|Organisation of Islamic Cooperation|OIC;Organization of Islamic Cooperation|
OPEC|OPEC|Organization of the Petroleum Exporting Countries|
ASEAN|ASEAN|Association of Southeast Asian Nations|
APEC|APEC|Asia-Pacific Economic Cooperation|
SCO|Shanghai Cooperation Organisation|SCO|
BRICS|BRICS||
G7|G7|Group of Seven|
G20|G20|Group of 20|
OAS|Organization of American States|OAS|
MERCOSUR|Mercosur||
`

/** News organisations: named as the source of a report ("Reuters reported"), never as a party. */
export const NEWS_ORGANISATIONS = [
  'AP',
  'Associated Press',
  'Reuters',
  'AFP',
  'Agence France-Presse',
  'Bloomberg',
  'Bloomberg News',
  'Bloomberg Television',
  'BBC',
  'CNN',
  'CNBC',
  'NBC',
  'CBS',
  'ABC',
  'Fox News',
  'NPR',
  'Politico',
  'Axios',
  'Al Jazeera',
  'Al Arabiya',
  'Xinhua',
  'TASS',
  'RIA Novosti',
  'Interfax',
  'Kyodo',
  'Yonhap',
  'Anadolu',
  'Dow Jones',
  'The New York Times',
  'New York Times',
  'The Washington Post',
  'Washington Post',
  'The Wall Street Journal',
  'Wall Street Journal',
  'Financial Times',
  'The Guardian',
  'The Economist',
  'Getty Images',
  'Truth Social',
  'Twitter',
  'Facebook',
  'Telegram',
  'X',
]
