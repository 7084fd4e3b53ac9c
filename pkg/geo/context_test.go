package geo

import (
	"context"
	"testing"
)

// TestResolveInContext holds regression cases for the classes of issue #19 "places out of context":
// issue-like sentences, each with the PLACE entities a tagger would give, resolved as a whole article.
func TestResolveInContext(t *testing.T) {
	t.Parallel()
	res := NewResolver(mustDefault(t))
	type want = wantPlace
	for _, tc := range []struct {
		name  string
		text  string
		ents  []ent
		want  []want
		unres []string
	}{
		{
			name:  "celestial bodies are never towns",
			text:  "The planet, twice the mass of Jupiter, formed in one of the driest places on Earth, the Atacama desert of Chile.",
			ents:  []ent{{"PLACE", "Jupiter"}, {"PLACE", "Earth"}, {"PLACE", "Chile"}},
			want:  []want{{"Chile", "Chile", "CL", "", FeatureCountry}},
			unres: []string{"Jupiter", "Earth"},
		},
		{
			name: "a qualifier makes a celestial name a town",
			text: "Residents of Jupiter, Florida, and of Earth, Texas, watched the launch.",
			ents: []ent{{"PLACE", "Jupiter"}, {"PLACE", "Earth"}, {"PLACE", "Florida"}, {"PLACE", "Texas"}},
			want: []want{{"Jupiter", "Jupiter", "US", "Florida", FeatureCity}, {"Earth", "Earth", "US", "Texas", FeatureCity},
				{"Florida", "Florida", "US", "Florida", FeatureAdmin1}, {"Texas", "Texas", "US", "Texas", FeatureAdmin1}},
		},
		{
			name: "a continent is a feature of its own, not a town",
			text: "Two other vaccine candidates are in late-stage trials elsewhere in Africa and Asia, South Africa's health minister said.",
			ents: []ent{{"PLACE", "Africa"}, {"PLACE", "Asia"}, {"PLACE", "South Africa"}},
			want: []want{{"Africa", "Africa", "", "", FeatureOther}, {"Asia", "Asia", "", "", FeatureOther},
				{"South Africa", "South Africa", "ZA", "", FeatureCountry}},
		},
		{
			name: "seas, gulfs, mountain ranges and regions are not towns or provinces",
			text: "Diplomats said the United States, China and several Gulf states opposed it; the Sahel, the Andes and the Pacific coast of Japan were named.",
			ents: []ent{{"PLACE", "United States"}, {"PLACE", "China"}, {"PLACE", "Gulf"}, {"PLACE", "Sahel"},
				{"PLACE", "Andes"}, {"PLACE", "Pacific"}, {"PLACE", "Japan"}},
			want: []want{{"United States", "United States", "US", "", FeatureCountry}, {"China", "China", "CN", "", FeatureCountry},
				{"Japan", "Japan", "JP", "", FeatureCountry}},
			unres: []string{"Gulf", "Sahel", "Andes", "Pacific"},
		},
		{
			name:  "an acronym in capitals is not a town",
			text:  "Astronomers using the ALMA radio telescope in northern Chile saw the planet. ALMA is run by an international partnership.",
			ents:  []ent{{"PLACE", "ALMA"}, {"PLACE", "Chile"}},
			want:  []want{{"Chile", "Chile", "CL", "", FeatureCountry}},
			unres: []string{"ALMA"},
		},
		{
			name: "a dateline in capitals is a place, with its region",
			text: "NAIROBI, Kenya — Floods swept through the Mathare settlement on Tuesday.",
			ents: []ent{{"PLACE", "NAIROBI"}, {"PLACE", "Kenya"}},
			want: []want{{"NAIROBI", "Nairobi", "KE", "Nairobi County", FeatureCity}, {"Kenya", "Kenya", "KE", "", FeatureCountry}},
		},
		{
			name: "a dateline the tagger missed is read from the text",
			text: "SAN PEDRO DE ATACAMA, Chile — An international team of astronomers said on Monday that it had seen a planet being born.",
			// The dateline's region is a mention of the region holding its place, whether or not the
			// tagger named it ("SAN ANTONIO, TEXAS, March 30 -").
			want: []want{{"SAN PEDRO DE ATACAMA", "San Pedro de Atacama", "CL", "Antofagasta", FeatureCity},
				{"Chile", "Chile", "CL", "", FeatureCountry}},
		},
		{
			name: "a dateline's state abbreviation picks the town in that state",
			text: "GLENDALE, Calif. (AP) — A wildfire forced thousands from their homes.",
			ents: []ent{{"PLACE", "GLENDALE"}},
			want: []want{{"GLENDALE", "Glendale", "US", "California", FeatureCity}, {"Calif.", "California", "US", "California", FeatureAdmin1}},
		},
		{
			name: "a country's name in a list of countries is the country, not a town of a named state",
			text: "Companies from the United States, China, South Korea and Germany have invested near Laredo, Texas.",
			ents: []ent{{"PLACE", "United States"}, {"PLACE", "China"}, {"PLACE", "South Korea"}, {"PLACE", "Germany"},
				{"PLACE", "Laredo"}, {"PLACE", "Texas"}},
			want: []want{{"United States", "United States", "US", "", FeatureCountry}, {"China", "China", "CN", "", FeatureCountry},
				{"South Korea", "South Korea", "KR", "", FeatureCountry}, {"Germany", "Germany", "DE", "", FeatureCountry},
				{"Laredo", "Laredo", "US", "Texas", FeatureCity}, {"Texas", "Texas", "US", "Texas", FeatureAdmin1}},
		},
		{
			name: "a state beside other states of its country is the state",
			text: "Corn growers in Iowa and Kansas, and peanut growers in Georgia, would see payments cut, senators in Washington said.",
			ents: []ent{{"PLACE", "Iowa"}, {"PLACE", "Kansas"}, {"PLACE", "Georgia"}, {"PLACE", "Washington"}},
			want: []want{{"Iowa", "Iowa", "US", "Iowa", FeatureAdmin1}, {"Kansas", "Kansas", "US", "Kansas", FeatureAdmin1},
				{"Georgia", "Georgia", "US", "Georgia", FeatureAdmin1}, {"Washington", "Washington, D.C.", "US", "District of Columbia", FeatureCity}},
		},
		{
			name: "a small foreign namesake is not guessed when the article is elsewhere",
			text: "Bolivia will hold a runoff. The candidate won in El Alto and La Paz, while Santa Cruz voted for his rival.",
			ents: []ent{{"PLACE", "Bolivia"}, {"PLACE", "El Alto"}, {"PLACE", "La Paz"}, {"PLACE", "Santa Cruz"}},
			want: []want{{"Bolivia", "Bolivia", "BO", "", FeatureCountry}, {"La Paz", "La Paz", "BO", "La Paz Department", FeatureCity},
				{"Santa Cruz", "Santa Cruz Department", "BO", "Santa Cruz Department", FeatureAdmin1}},
			unres: []string{"El Alto"},
		},
		{
			name: "a tiny seat in another province is not guessed; the district is placed by its city",
			text: "The company will expand its factory in Changzhou's Wujin district, in Jiangsu province, and open offices in Shanghai.",
			ents: []ent{{"PLACE", "Changzhou"}, {"PLACE", "Wujin"}, {"PLACE", "Jiangsu"}, {"PLACE", "Shanghai"}},
			want: []want{{"Changzhou", "Changzhou", "CN", "Jiangsu", FeatureCity}, {"Jiangsu", "Jiangsu", "CN", "Jiangsu", FeatureAdmin1},
				{"Shanghai", "Shanghai", "CN", "Shanghai", FeatureCity}, {"Wujin", "Wujin", "CN", "Jiangsu", FeatureOther}},
		},
		{
			name: "state and province abbreviations after a town",
			text: "Plants in Glendale, Calif., London, Ont., and Paris, TX, will close; Glendale is the largest.",
			ents: []ent{{"PLACE", "Glendale"}, {"PLACE", "London"}, {"PLACE", "Paris"}},
			want: []want{{"Glendale", "Glendale", "US", "California", FeatureCity}, {"London", "London", "CA", "Ontario", FeatureCity},
				{"Paris", "Paris", "US", "Texas", FeatureCity}, {"Calif.", "California", "US", "California", FeatureAdmin1},
				{"Ont.", "Ontario", "CA", "Ontario", FeatureAdmin1}, {"TX", "Texas", "US", "Texas", FeatureAdmin1}},
		},
		{
			name: "a state abbreviation tagged on its own is the state",
			text: "Firefighters from Medford, Ore., joined crews from Calif. on Tuesday.",
			ents: []ent{{"PLACE", "Medford"}, {"PLACE", "Ore."}, {"PLACE", "Calif."}},
			want: []want{{"Medford", "Medford", "US", "Oregon", FeatureCity}, {"Ore.", "Oregon", "US", "Oregon", FeatureAdmin1},
				{"Calif.", "California", "US", "California", FeatureAdmin1}},
		},
		{
			name: "a name the tagger cut before a particle is read whole",
			text: "He runs a factory in São Bernardo do Campo, near São Paulo, and another in Frankfurt am Main.",
			ents: []ent{{"PLACE", "São Bernardo"}, {"PLACE", "São Paulo"}, {"PLACE", "Frankfurt"}},
			want: []want{{"São Bernardo", "São Bernardo do Campo", "BR", "São Paulo", FeatureCity},
				{"São Paulo", "São Paulo", "BR", "São Paulo", FeatureCity}, {"Frankfurt", "Frankfurt am Main", "DE", "Hesse", FeatureCity}},
		},
		{
			name: "a place in a region: the town is inside, the region holds it",
			text: "Students in Athens in Georgia marched. The port of Cartagena in Murcia handled record volumes.",
			ents: []ent{{"PLACE", "Athens"}, {"PLACE", "Georgia"}, {"PLACE", "Cartagena"}, {"PLACE", "Murcia"}},
			want: []want{{"Athens", "Athens", "US", "Georgia", FeatureCity}, {"Georgia", "Georgia", "US", "Georgia", FeatureAdmin1},
				{"Cartagena", "Cartagena", "ES", "Murcia", FeatureCity}, {"Murcia", "Murcia", "ES", "Murcia", FeatureAdmin1}},
		},
		{
			name: "a city named like its region stands for it",
			text: "An office worker in Sakai, south of central Osaka, said glass broke; in Fukui the shaking was weaker.",
			ents: []ent{{"PLACE", "Sakai"}, {"PLACE", "Osaka"}, {"PLACE", "Fukui"}},
			want: []want{{"Sakai", "Sakai", "JP", "Osaka", FeatureCity}, {"Osaka", "Osaka", "JP", "Osaka", FeatureCity},
				{"Fukui", "Fukui", "JP", "Fukui", FeatureAdmin1}},
		},
		{
			name: "a dateline's region or a state abbreviation rules out towns elsewhere and places the name inside it",
			text: "SAINT-JEAN, Switzerland — Residents were evacuated. Crews came from Saint-Denis, Calif., and from Lyon.",
			ents: []ent{{"PLACE", "SAINT-JEAN"}, {"PLACE", "Switzerland"}, {"PLACE", "Saint-Denis"}, {"PLACE", "Lyon"}},
			want: []want{{"Switzerland", "Switzerland", "CH", "", FeatureCountry}, {"Calif.", "California", "US", "California", FeatureAdmin1},
				{"Lyon", "Lyon", "FR", "Auvergne-Rhône-Alpes", FeatureCity},
				{"SAINT-JEAN", "SAINT-JEAN", "CH", "", FeatureOther}, {"Saint-Denis", "Saint-Denis", "US", "California", FeatureOther}},
		},
		{
			name: "a territory in a dateline keeps its own name under its sovereign's",
			text: "HONG KONG, China — Shares fell in Hong Kong on Monday.",
			ents: []ent{{"PLACE", "HONG KONG"}, {"PLACE", "Hong Kong"}, {"PLACE", "China"}},
			want: []want{{"HONG KONG", "Hong Kong", "HK", "", FeatureCountry}, {"Hong Kong", "Hong Kong", "HK", "", FeatureCountry},
				{"China", "China", "CN", "", FeatureCountry}},
		},
		{
			name: "a word news writes in lower case is a town only with support",
			text: "Outlook: wheat exports from Washington will rise. A plant in Mobile, Alabama, will close.",
			ents: []ent{{"PLACE", "Outlook"}, {"PLACE", "Washington"}, {"PLACE", "Mobile"}, {"PLACE", "Alabama"}},
			want: []want{{"Washington", "Washington, D.C.", "US", "District of Columbia", FeatureCity},
				{"Mobile", "Mobile", "US", "Alabama", FeatureCity}, {"Alabama", "Alabama", "US", "Alabama", FeatureAdmin1}},
			unres: []string{"Outlook"},
		},
		{
			name:  "a small foreign town nothing supports is not guessed, even with a name of its own",
			text:  "Pearce said his side had beaten Oldham, the best result in England this season.",
			ents:  []ent{{"PLACE", "Pearce"}, {"PLACE", "Oldham"}, {"PLACE", "England"}},
			want:  []want{{"Oldham", "Oldham", "GB", "England", FeatureCity}, {"England", "England", "GB", "England", FeatureAdmin1}},
			unres: []string{"Pearce"},
		},
		{
			name: "a person's surname tagged as a place is not a town",
			text: "Barack Obama and Mitt Romney spoke in Ohio. Obama said Romney was wrong; voters in Washington agreed.",
			ents: []ent{{"PERSON", "Barack Obama"}, {"PERSON", "Mitt Romney"}, {"PLACE", "Obama"}, {"PLACE", "Romney"},
				{"PLACE", "Ohio"}, {"PLACE", "Washington"}},
			want:  []want{{"Ohio", "Ohio", "US", "Ohio", FeatureAdmin1}, {"Washington", "Washington, D.C.", "US", "District of Columbia", FeatureCity}},
			unres: []string{"Obama", "Romney"},
		},
		{
			name:  "a government metonym tagged as a place is no town",
			text:  "The White House said the Pentagon would respond.",
			ents:  []ent{{"PLACE", "White House"}, {"PLACE", "Pentagon"}},
			unres: []string{"White House", "Pentagon"},
		},
		{
			name: "a county is no town of the same name elsewhere",
			text: "Voters in Vigo County, home of Terre Haute, Indiana, backed the winner. Kisumu County and Jiangsu province too.",
			ents: []ent{{"PLACE", "Vigo County"}, {"PLACE", "Terre Haute"}, {"PLACE", "Indiana"}, {"PLACE", "Kisumu County"}, {"PLACE", "Jiangsu province"}},
			want: []want{{"Terre Haute", "Terre Haute", "US", "Indiana", FeatureCity}, {"Indiana", "Indiana", "US", "Indiana", FeatureAdmin1},
				{"Kisumu County", "Kisumu County", "KE", "Kisumu County", FeatureAdmin1}, {"Jiangsu province", "Jiangsu", "CN", "Jiangsu", FeatureAdmin1}},
			unres: []string{"Vigo County"},
		},
		{
			name: "a state among states is the state, not a small town of another",
			text: "The candidates campaigned in Iowa, New Hampshire and Nevada before South Carolina.",
			ents: []ent{{"PLACE", "Iowa"}, {"PLACE", "New Hampshire"}, {"PLACE", "Nevada"}, {"PLACE", "South Carolina"}},
			want: []want{{"Iowa", "Iowa", "US", "Iowa", FeatureAdmin1}, {"New Hampshire", "New Hampshire", "US", "New Hampshire", FeatureAdmin1},
				{"Nevada", "Nevada", "US", "Nevada", FeatureAdmin1}, {"South Carolina", "South Carolina", "US", "South Carolina", FeatureAdmin1}},
		},
		{
			name: "a capital abroad outweighs a small namesake in a country the article names often",
			text: "After the attacks in Paris, officials in San Bernardino, Calif., Chapel Hill, N.C., and Washington met.",
			ents: []ent{{"PLACE", "Paris"}, {"PLACE", "San Bernardino"}, {"PLACE", "Chapel Hill"}, {"PLACE", "Washington"}},
			want: []want{{"Paris", "Paris", "FR", "Île-de-France", FeatureCity}, {"San Bernardino", "San Bernardino", "US", "California", FeatureCity},
				{"Chapel Hill", "Chapel Hill", "US", "North Carolina", FeatureCity}, {"Washington", "Washington, D.C.", "US", "District of Columbia", FeatureCity},
				{"Calif.", "California", "US", "California", FeatureAdmin1}, {"N.C.", "North Carolina", "US", "North Carolina", FeatureAdmin1}},
		},
		{
			name: "a big city stays itself when its namesake's state is one of many the article names",
			text: "Delegates from Texas, Pennsylvania, Maryland, Delaware, Colorado and Florida gathered in Cleveland for the convention.",
			ents: []ent{{"PLACE", "Texas"}, {"PLACE", "Pennsylvania"}, {"PLACE", "Maryland"}, {"PLACE", "Delaware"},
				{"PLACE", "Colorado"}, {"PLACE", "Florida"}, {"PLACE", "Cleveland"}},
			want: []want{{"Texas", "Texas", "US", "Texas", FeatureAdmin1}, {"Pennsylvania", "Pennsylvania", "US", "Pennsylvania", FeatureAdmin1},
				{"Maryland", "Maryland", "US", "Maryland", FeatureAdmin1}, {"Delaware", "Delaware", "US", "Delaware", FeatureAdmin1},
				{"Colorado", "Colorado", "US", "Colorado", FeatureAdmin1}, {"Florida", "Florida", "US", "Florida", FeatureAdmin1},
				{"Cleveland", "Cleveland", "US", "Ohio", FeatureCity}},
		},
		{
			name:  "a place name inside a facility's name is no town",
			text:  "Fans gathered in Córdoba's Plaza San Martín and outside Montevideo's Centenario, near Ridgewood Avenue.",
			ents:  []ent{{"PLACE", "Córdoba"}, {"PLACE", "San Martín"}, {"PLACE", "Montevideo"}, {"PLACE", "Ridgewood"}},
			want:  []want{{"Córdoba", "Córdoba", "AR", "Cordoba", FeatureCity}, {"Montevideo", "Montevideo", "UY", "Montevideo Department", FeatureCity}},
			unres: []string{"San Martín", "Ridgewood"},
		},
		{
			name: "a dateline names a city, not the state of the same name",
			text: "WASHINGTON — Officials in Seattle and Spokane said the rules would hurt exporters in Washington state.",
			ents: []ent{{"PLACE", "WASHINGTON"}, {"PLACE", "Seattle"}, {"PLACE", "Spokane"}, {"PLACE", "Washington state"}},
			want: []want{{"WASHINGTON", "Washington, D.C.", "US", "District of Columbia", FeatureCity},
				{"Seattle", "Seattle", "US", "Washington", FeatureCity}, {"Spokane", "Spokane", "US", "Washington", FeatureCity},
				{"Washington state", "Washington", "US", "Washington", FeatureAdmin1}},
		},
		{
			name: "the name of a people is a town only with support",
			text: "Arab and Latina voters in Ohio backed the measure. In Italy, floods hit Latina and Rome.",
			ents: []ent{{"PLACE", "Arab"}, {"PLACE", "Ohio"}, {"PLACE", "Italy"}, {"PLACE", "Latina"}, {"PLACE", "Rome"}},
			want: []want{{"Ohio", "Ohio", "US", "Ohio", FeatureAdmin1}, {"Italy", "Italy", "IT", "", FeatureCountry},
				{"Latina", "Latina", "IT", "Lazio", FeatureCity}, {"Rome", "Rome", "IT", "Lazio", FeatureCity}},
			unres: []string{"Arab"},
		},
		{
			name: "a town and its country",
			text: "Farmers in Córdoba, Spain, protested; the Andalusian city is far from Argentina.",
			ents: []ent{{"PLACE", "Córdoba"}, {"PLACE", "Spain"}, {"PLACE", "Argentina"}},
			want: []want{{"Córdoba", "Córdoba", "ES", "Andalusia", FeatureCity}, {"Spain", "Spain", "ES", "", FeatureCountry},
				{"Argentina", "Argentina", "AR", "", FeatureCountry}},
		},
		{
			name: "metonyms typed as people or organisations stay the capital",
			text: "Washington said the rules were final. Beijing announced countermeasures on Friday.",
			ents: []ent{{"PERSON", "Washington"}, {"ORG", "Beijing"}},
			want: []want{{"Washington", "Washington, D.C.", "US", "District of Columbia", FeatureCity},
				{"Beijing", "Beijing", "CN", "Beijing", FeatureCity}},
		},
		{
			name: "a results round-up names teams after their home cities",
			text: "Minnesota beat Buffalo. Columbus beat Montreal. Toronto edged Ottawa, and Florida beat Detroit to lead the league. Carolina beat Chicago.",
			ents: []ent{{"PLACE", "Minnesota"}, {"PLACE", "Buffalo"}, {"PLACE", "Columbus"}, {"PLACE", "Montreal"},
				{"PLACE", "Toronto"}, {"PLACE", "Ottawa"}, {"PLACE", "Florida"}, {"PLACE", "Detroit"}, {"PLACE", "Carolina"}, {"PLACE", "Chicago"}},
			want: []want{{"Minnesota", "Minnesota", "US", "Minnesota", FeatureAdmin1}, {"Buffalo", "Buffalo", "US", "New York", FeatureCity},
				{"Columbus", "Columbus", "US", "Ohio", FeatureCity}, {"Montreal", "Montréal", "CA", "Quebec", FeatureCity},
				{"Toronto", "Toronto", "CA", "Ontario", FeatureCity}, {"Ottawa", "Ottawa", "CA", "Ontario", FeatureCity},
				{"Florida", "Florida", "US", "Florida", FeatureAdmin1}, {"Detroit", "Detroit", "US", "Michigan", FeatureCity},
				{"Carolina", "North Carolina", "US", "North Carolina", FeatureAdmin1}, {"Chicago", "Chicago", "US", "Illinois", FeatureCity}},
		},
		{
			name: "a politician's state in brackets says nothing about the story's places",
			text: "CHARLOTTE - Protests went on in Charlotte. Sen. Bernie Sanders (Vt.) and Rep. Paul Ryan (R-Wis.) spoke.",
			ents: []ent{{"PLACE", "CHARLOTTE"}, {"PLACE", "Charlotte"}, {"PLACE", "Vt."}, {"PLACE", "Wis."}},
			want: []want{{"CHARLOTTE", "Charlotte", "US", "North Carolina", FeatureCity}, {"Charlotte", "Charlotte", "US", "North Carolina", FeatureCity},
				{"Vt.", "Vermont", "US", "Vermont", FeatureAdmin1}, {"Wis.", "Wisconsin", "US", "Wisconsin", FeatureAdmin1}},
		},
		{
			name: "a politician's state the tagger missed is named, and no agency is",
			text: "LAS VEGAS (AP) - Sen. Lindsey Graham (R-S.C.) and Rep. Nita Lowey (D-NY) met in Las Vegas.",
			ents: []ent{{"PLACE", "Las Vegas"}},
			want: []want{{"S.C.", "South Carolina", "US", "South Carolina", FeatureAdmin1}, {"NY", "New York", "US", "New York", FeatureAdmin1},
				{"Las Vegas", "Las Vegas", "US", "Nevada", FeatureCity}, {"LAS VEGAS", "Las Vegas", "US", "Nevada", FeatureCity}},
		},
		{
			name:  "a name before \"rivers\" is a river's, not a town's",
			text:  "Rain caused the Mathare and Ngong rivers to burst their banks in Nairobi.",
			ents:  []ent{{"PLACE", "Ngong"}, {"PLACE", "Nairobi"}},
			want:  []want{{"Nairobi", "Nairobi", "KE", "Nairobi County", FeatureCity}},
			unres: []string{"Ngong"},
		},
		{
			name: "a town written with a county the gazetteer lacks",
			text: "The actress, born in Runcorn, Cheshire, starred in films shot in Venice.",
			ents: []ent{{"PLACE", "Runcorn"}, {"PLACE", "Cheshire"}, {"PLACE", "Venice"}},
			// Venice, the seat of Veneto, leads its namesakes before any context: a reader knows it.
			want: []want{{"Runcorn", "Runcorn", "GB", "England", FeatureCity}, {"Cheshire", "Cheshire", "GB", "England", FeatureOther},
				{"Venice", "Venice", "IT", "Veneto", FeatureCity}},
		},
		{
			name: "a county by its other spelling",
			text: "The runner trains in Iten in Elgeyo-Marakwet County, Kenya.",
			ents: []ent{{"PLACE", "Elgeyo-Marakwet County"}, {"PLACE", "Kenya"}},
			want: []want{{"Elgeyo-Marakwet County", "Elegeyo-Marakwet", "KE", "Elegeyo-Marakwet", FeatureAdmin1}, {"Kenya", "Kenya", "KE", "", FeatureCountry}},
		},
		{
			name: "a dotted state abbreviation is no acronym",
			text: "Jill Stein was removed from the N.Y. debate site. HEMPSTEAD is on Long Island.",
			ents: []ent{{"PLACE", "N.Y."}},
			want: []want{{"N.Y.", "New York", "US", "New York", FeatureAdmin1}},
		},
		{
			name: "a dateline's region in capitals is a mention of the state",
			text: "SAN ANTONIO, TEXAS, March 30 - The U.S. should reassess its policy, an analyst said.",
			want: []want{{"SAN ANTONIO", "San Antonio", "US", "Texas", FeatureCity}, {"TEXAS", "Texas", "US", "Texas", FeatureAdmin1}},
		},
		{
			name: "party labels name the politicians' states, in brackets or between commas, with or without the period",
			text: "Sen. Jon Tester (D-Mont.) said the bill would pass. Sen. Ted Cruz (R-Tex) disagreed. Sen. Mitch McConnell, R-Ky., and Rep. Dusty Johnson, R-SD, voted no.",
			ents: []ent{{"PERSON", "Jon Tester"}, {"PLACE", "Mont"}, {"PERSON", "Ted Cruz"}, {"PERSON", "Mitch McConnell"}, {"PERSON", "Dusty Johnson"}},
			want: []want{{"Mont.", "Montana", "US", "Montana", FeatureAdmin1}, {"Tex", "Texas", "US", "Texas", FeatureAdmin1},
				{"Ky.", "Kentucky", "US", "Kentucky", FeatureAdmin1}, {"SD", "South Dakota", "US", "South Dakota", FeatureAdmin1}},
		},
		{
			name: "a name coordinated with a region is a region, not a village in it",
			text: "The ban on hunting with dogs in England and Wales took effect.",
			ents: []ent{{"PLACE", "England"}, {"PLACE", "Wales"}},
			want: []want{{"England", "England", "GB", "England", FeatureAdmin1}, {"Wales", "Wales", "GB", "Wales", FeatureAdmin1}},
		},
		{
			name: "a team sheet's surnames are no towns",
			text: "Gold will now turn to next week's semi-final at Leeds.\n\nHorak, Staniforth, Penney, Nordt, Bishop; Mapletoft, Edwards; Hatley, van der Walt, Hardwick; Kennedy, Casey.\n\nReplacements: Everitt for Mapletoft (53), Hodgson for Edwards (77), Reid for Murphy (47), Strudwick for Kennedy (60), Wheatley for Hatley (71), Danaher for Gustard (66).",
			ents: []ent{{"PLACE", "Leeds"}, {"PLACE", "Bishop"}, {"PLACE", "Edwards"}, {"PLACE", "Kennedy"}, {"PLACE", "Reid"}, {"PLACE", "Murphy"}},
			want: []want{{"Leeds", "Leeds", "GB", "England", FeatureCity}},
		},
		{
			name: "a team sheet with each player's country or substitute, and the short lists beside it",
			text: "The squad meets in Dublin on Monday.\n\nA Moore (Scotland), B Lima (Samoa), C Paterson (Scotland), D Williams (Wales), E Hart (Ireland, capt), F Latham (Australia).\n\nReeve, Terry, Johnson (Bridge 70), Hart, Moore, Gallas.\n\nSubs Not Used: Berger, Ashdown.",
			ents: []ent{{"PLACE", "Dublin"}, {"PLACE", "Scotland"}, {"PLACE", "Lima"}, {"PLACE", "Samoa"}, {"PLACE", "Paterson"}, {"PLACE", "Williams"},
				{"PLACE", "Wales"}, {"PLACE", "Ireland"}, {"PLACE", "Latham"}, {"PLACE", "Australia"}, {"PLACE", "Terry"}, {"PLACE", "Bridge"},
				{"PLACE", "Berger"}, {"PLACE", "Ashdown"}},
			want: []want{{"Dublin", "Dublin", "IE", "Leinster", FeatureCity}, {"Scotland", "Scotland", "GB", "Scotland", FeatureAdmin1},
				{"Samoa", "Samoa", "WS", "", FeatureCountry}, {"Wales", "Wales", "GB", "Wales", FeatureAdmin1},
				{"Ireland", "Ireland", "IE", "", FeatureCountry}, {"Australia", "Australia", "AU", "", FeatureCountry}},
		},
		{
			name:  "the last word of a longer name is no town",
			text:  "The singer covered a Whitney Houston song before the match between AC Milan and Juventus in Turin, Italy, said an analyst at Acme Ltd Calgary-based.",
			ents:  []ent{{"PLACE", "Houston"}, {"PLACE", "Milan"}, {"PLACE", "Turin"}, {"PLACE", "Italy"}, {"PLACE", "Calgary"}},
			want:  []want{{"Turin", "Turin", "IT", "Piedmont", FeatureCity}, {"Italy", "Italy", "IT", "", FeatureCountry}, {"Calgary", "Calgary", "CA", "Alberta", FeatureCity}},
			unres: []string{"Houston", "Milan"},
		},
		{
			name:  "the first name of a person whose surname follows a particle is no town",
			text:  "Striking seamen in Santos and Rio de Janeiro held out; their leader, Orlando dos Santos, told reporters in Brazil.",
			ents:  []ent{{"PLACE", "Santos"}, {"PLACE", "Rio de Janeiro"}, {"PLACE", "Orlando"}, {"PLACE", "Brazil"}},
			want:  []want{{"Santos", "Santos", "BR", "São Paulo", FeatureCity}, {"Rio de Janeiro", "Rio de Janeiro", "BR", "Rio de Janeiro", FeatureCity}, {"Brazil", "Brazil", "BR", "", FeatureCountry}},
			unres: []string{"Orlando"},
		},
		{
			name: "one of a country's many small towns of a name, with nothing of its state, is no reading",
			text: "The album, recorded in London with Clyde and Gardner, sold well across the US and in Canada.",
			ents: []ent{{"PLACE", "London"}, {"PLACE", "Clyde"}, {"PLACE", "Gardner"}, {"PLACE", "US"}, {"PLACE", "Canada"}},
			want: []want{{"London", "London", "GB", "England", FeatureCity}, {"US", "United States", "US", "", FeatureCountry},
				{"Canada", "Canada", "CA", "", FeatureCountry}},
			unres: []string{"Clyde", "Gardner"},
		},
		{
			name: "that a story names a country does not make a world city its village",
			text: "He hopes the courts suit his game in Melbourne in January, after his run at the US Open in New York.",
			ents: []ent{{"PLACE", "Melbourne"}, {"PLACE", "US"}, {"PLACE", "New York"}},
			want: []want{{"Melbourne", "Melbourne", "AU", "Victoria", FeatureCity}, {"US", "United States", "US", "", FeatureCountry},
				{"New York", "New York City", "US", "New York", FeatureCity}},
		},
		{
			name: "a dateline's state abbreviation that lost its period still names the state",
			text: "PEORIA, Ill, Oct 19 - The tractor maker said the Federal funds rate and the Kingdom of Denmark's bonds moved, and Zaire cut copper output.",
			ents: []ent{{"PLACE", "PEORIA"}, {"PLACE", "Federal"}, {"PLACE", "Kingdom"}, {"PLACE", "Denmark"}, {"PLACE", "Zaire"}},
			want: []want{{"PEORIA", "Peoria", "US", "Illinois", FeatureCity}, {"Ill", "Illinois", "US", "Illinois", FeatureAdmin1},
				{"Denmark", "Denmark", "DK", "", FeatureCountry}, {"Zaire", "Democratic Republic of the Congo", "CD", "", FeatureCountry}},
			unres: []string{"Federal", "Kingdom"},
		},
		{
			name:  "two villages abroad do not vouch for each other's country",
			text:  "Southampton and Portsmouth fans met in Southampton. The Pompey chairman said rivals Saints had been lucky, and Scotland watched.",
			ents:  []ent{{"PLACE", "Southampton"}, {"PLACE", "Portsmouth"}, {"PLACE", "Pompey"}, {"PLACE", "Saints"}, {"PLACE", "Scotland"}},
			want:  []want{{"Southampton", "Southampton", "GB", "England", FeatureCity}, {"Portsmouth", "Portsmouth", "GB", "England", FeatureCity}, {"Scotland", "Scotland", "GB", "Scotland", FeatureAdmin1}},
			unres: []string{"Pompey", "Saints"},
		},
		{
			name: "an English county written after a town qualifies it where no list goes on",
			text: "The candidate, of Woodbridge, Suffolk, has resigned from the party.",
			ents: []ent{{"PLACE", "Woodbridge"}, {"PLACE", "Suffolk"}},
			want: []want{{"Woodbridge", "Woodbridge", "GB", "England", FeatureCity}, {"Suffolk", "Suffolk", "GB", "England", FeatureOther}},
		},
		{
			name: "a region abroad that nothing supports gives way to a city of the story's country",
			text: "The Archbishop of Canterbury will bless the couple, and guests from Wales and from Australia will attend.",
			ents: []ent{{"PLACE", "Canterbury"}, {"PLACE", "Wales"}, {"PLACE", "Australia"}},
			want: []want{{"Canterbury", "Canterbury", "GB", "England", FeatureCity}, {"Wales", "Wales", "GB", "Wales", FeatureAdmin1},
				{"Australia", "Australia", "AU", "", FeatureCountry}},
		},
		{
			name:  "a common word before City is as weak as the word",
			text:  "Oldham host Man City at Boundary Park, and Leeds travel to London.",
			ents:  []ent{{"PLACE", "Oldham"}, {"PLACE", "Man City"}, {"PLACE", "Leeds"}, {"PLACE", "London"}},
			want:  []want{{"Oldham", "Oldham", "GB", "England", FeatureCity}, {"Leeds", "Leeds", "GB", "England", FeatureCity}, {"London", "London", "GB", "England", FeatureCity}},
			unres: []string{"Man City"},
		},
		{
			name:  "a people's colloquial name is no town",
			text:  "The band won two Brits in London, and the Aussies and Kiwis cheered in Sydney.",
			ents:  []ent{{"PLACE", "Brits"}, {"PLACE", "London"}, {"PLACE", "Sydney"}},
			want:  []want{{"London", "London", "GB", "England", FeatureCity}, {"Sydney", "Sydney", "AU", "New South Wales", FeatureCity}},
			unres: []string{"Brits"},
		},
		{
			name: "a compass name several countries give a region is none of them in a story of another country",
			text: "The case was heard by the U.S. Bankruptcy Court for the Southern District of New York, and the company moved from Chicago to Houston.",
			ents: []ent{{"PLACE", "U.S."}, {"PLACE", "Southern District"}, {"PLACE", "New York"}, {"PLACE", "Chicago"}, {"PLACE", "Houston"}},
			want: []want{{"U.S.", "United States", "US", "", FeatureCountry}, {"New York", "New York City", "US", "New York", FeatureCity},
				{"Chicago", "Chicago", "US", "Illinois", FeatureCity}, {"Houston", "Houston", "US", "Texas", FeatureCity},
				{"Southern District", "Southern District", "US", "New York", FeatureOther}},
		},
		{
			name: "an event named after its place is no place",
			text: "Emirates ordered 50 jets at the Dubai Air Show on Monday.",
			ents: []ent{{"PLACE", "Dubai Air Show"}},
		},
		{
			name: "a region's seat abroad does not outweigh a state of its name",
			text: "Voters in Florida and Montana went to the polls on Tuesday.",
			ents: []ent{{"PLACE", "Florida"}, {"PLACE", "Montana"}},
			want: []want{{"Florida", "Florida", "US", "Florida", FeatureAdmin1}, {"Montana", "Montana", "US", "Montana", FeatureAdmin1}},
		},
		{
			name: "a press release's place line",
			text: "BAAR, SWITZERLAND\n\nBased on its connectivity, the Baar company sells to hospitals across Europe.",
			ents: []ent{{"ORG", "Baar"}},
			want: []want{{"BAAR", "Baar", "CH", "Zug", FeatureCity}, {"SWITZERLAND", "Switzerland", "CH", "", FeatureCountry}},
		},
		{
			name: "a dateline the tagger cut short is read whole",
			text: "NEW YORK, April 1 - Manufacturers Hanover Corp said it placed notes.",
			ents: []ent{{"PLACE", "YORK"}},
			want: []want{{"NEW YORK", "New York City", "US", "New York", FeatureCity}},
		},
		{
			name: "a small region abroad is not guessed for a name the story's country lacks in the gazetteer",
			text: "A veteran in Manhattan shot himself at a hospital on Long Island; Brooklyn and Queens mourned.",
			ents: []ent{{"PLACE", "Manhattan"}, {"PLACE", "Long Island"}, {"PLACE", "Brooklyn"}, {"PLACE", "Queens"}},
			want: []want{{"Manhattan", "Manhattan", "US", "New York", FeatureCity}, {"Brooklyn", "Brooklyn", "US", "New York", FeatureCity},
				{"Queens", "Queens", "US", "New York", FeatureCity}, {"Long Island", "Long Island", "US", "New York", FeatureOther}},
		},
		{
			name: "a county of the story's country outranks small towns abroad of its name",
			text: "The mining group, based in Doncaster in the UK, runs pits across Yorkshire, Kent and Nottinghamshire.",
			ents: []ent{{"PLACE", "Doncaster"}, {"PLACE", "UK"}, {"PLACE", "Yorkshire"}, {"PLACE", "Kent"}, {"PLACE", "Nottinghamshire"}},
			want: []want{{"Doncaster", "Doncaster", "GB", "England", FeatureCity}, {"UK", "United Kingdom", "GB", "", FeatureCountry},
				{"Yorkshire", "Yorkshire", "GB", "England", FeatureOther}, {"Kent", "Kent", "GB", "England", FeatureOther},
				{"Nottinghamshire", "Nottinghamshire", "GB", "England", FeatureOther}},
		},
		{
			name: "a compass word the tagger left out makes a part of the region; a known name stays itself",
			text: "Clinton will travel to North Florida on Friday, said a South Florida-based activist. Florida votes in November; South Sudan and Sudan signed.",
			ents: []ent{{"PLACE", "Florida"}, {"PLACE", "Sudan"}},
			want: []want{{"Florida", "Florida", "US", "Florida", FeatureAdmin1}, {"North Florida", "North Florida", "US", "Florida", FeatureOther},
				{"South Florida", "South Florida", "US", "Florida", FeatureOther}, {"Sudan", "Sudan", "SD", "", FeatureCountry}},
		},
		{
			name: "a postal code after a locative word is the state the story names",
			text: "South Dakota launched an anti-drug campaign. \"Meth is IN SD,\" the governor wrote; it is a problem in SD.",
			ents: []ent{{"PLACE", "South Dakota"}},
			want: []want{{"South Dakota", "South Dakota", "US", "South Dakota", FeatureAdmin1}, {"SD", "South Dakota", "US", "South Dakota", FeatureAdmin1}},
		},
		{
			name: "a postal code is no state where the story does not name it, nor one that is a word",
			text: "The camera in Ohio stores video in SD format. Officials in OH and IN Indiana said OK.",
			ents: []ent{{"PLACE", "Ohio"}, {"PLACE", "Indiana"}},
			want: []want{{"Ohio", "Ohio", "US", "Ohio", FeatureAdmin1}, {"Indiana", "Indiana", "US", "Indiana", FeatureAdmin1}},
		},
		{
			name: "a London borough in a British story is no American city",
			text: "MPs in Westminster debated the plan; councils in Tower Hamlets and Manchester in the UK objected.",
			ents: []ent{{"PLACE", "Westminster"}, {"PLACE", "Tower Hamlets"}, {"PLACE", "Manchester"}, {"PLACE", "UK"}},
			want: []want{{"Westminster", "Westminster", "GB", "England", FeatureOther}, {"Tower Hamlets", "Tower Hamlets", "GB", "England", FeatureOther},
				{"Manchester", "Manchester", "GB", "England", FeatureCity}, {"UK", "United Kingdom", "GB", "", FeatureCountry}},
		},
		{
			name: "a county named alone outranks small towns abroad, not a city",
			text: "Much of the party's funding came from Yorkshire millionaire Paul Sykes. A Norfolk shipyard won the contract.",
			ents: []ent{{"PLACE", "Yorkshire"}, {"PLACE", "Norfolk"}},
			want: []want{{"Yorkshire", "Yorkshire", "GB", "England", FeatureOther}, {"Norfolk", "Norfolk", "US", "Virginia", FeatureCity}},
		},
		{
			name: "a county's name in an American story is the American city",
			text: "The railroad serves Richmond and Norfolk in Virginia and Raleigh in North Carolina.",
			ents: []ent{{"PLACE", "Richmond"}, {"PLACE", "Norfolk"}, {"PLACE", "Virginia"}, {"PLACE", "Raleigh"}, {"PLACE", "North Carolina"}},
			want: []want{{"Richmond", "Richmond", "US", "Virginia", FeatureCity}, {"Norfolk", "Norfolk", "US", "Virginia", FeatureCity},
				{"Virginia", "Virginia", "US", "Virginia", FeatureAdmin1}, {"Raleigh", "Raleigh", "US", "North Carolina", FeatureCity},
				{"North Carolina", "North Carolina", "US", "North Carolina", FeatureAdmin1}},
		},
		{
			name: "a county in a list of American cities qualifies none of them",
			text: "Flights will carry passengers from Boston, Hartford, Norfolk, Providence and Syracuse in the United States.",
			ents: []ent{{"PLACE", "Boston"}, {"PLACE", "Hartford"}, {"PLACE", "Norfolk"}, {"PLACE", "Providence"}, {"PLACE", "Syracuse"},
				{"PLACE", "United States"}},
			want: []want{{"Boston", "Boston", "US", "Massachusetts", FeatureCity}, {"Hartford", "Hartford", "US", "Connecticut", FeatureCity},
				// Norfolk, Virginia: the Massachusetts town, a twentieth of its size, gains nothing from the
				// country the list names.
				{"Norfolk", "Norfolk", "US", "Virginia", FeatureCity}, {"Providence", "Providence", "US", "Rhode Island", FeatureCity},
				{"Syracuse", "Syracuse", "US", "New York", FeatureCity}, {"United States", "United States", "US", "", FeatureCountry}},
		},
		{
			name: "a compass word before a country's name is a part of that country, not of the story's own",
			text: "PARIS, March 3 - Tariffs on exports from France to West Germany rose, and the talks in Lyon, Marseille and Toulouse went on.",
			ents: []ent{{"PLACE", "France"}, {"PLACE", "West Germany"}, {"PLACE", "Lyon"}, {"PLACE", "Marseille"}, {"PLACE", "Toulouse"}},
			want: []want{{"PARIS", "Paris", "FR", "Île-de-France", FeatureCity}, {"France", "France", "FR", "", FeatureCountry},
				{"West Germany", "West Germany", "DE", "", FeatureOther}, {"Lyon", "Lyon", "FR", "Auvergne-Rhône-Alpes", FeatureCity},
				{"Marseille", "Marseille", "FR", "Provence-Alpes-Côte d'Azur", FeatureCity}, {"Toulouse", "Toulouse", "FR", "Occitanie", FeatureCity}},
		},
		{
			name: "a dateline qualified by a part of a country is a town of that country",
			text: "BRUNSWICK, West Germany, March 16 - Prosecutors in the city said the inquiry would reach Wolfsburg.",
			ents: []ent{{"PLACE", "BRUNSWICK"}, {"PLACE", "West Germany"}, {"PLACE", "Wolfsburg"}},
			want: []want{{"BRUNSWICK", "BRUNSWICK", "DE", "Lower Saxony", FeatureOther}, {"West Germany", "West Germany", "DE", "", FeatureOther},
				{"Wolfsburg", "Wolfsburg", "DE", "Lower Saxony", FeatureCity}},
		},
		{
			name:  "a state that no longer exists is in no country of today",
			text:  "HELSINKI, March 5 - Finland said trade with the Soviet Union and Czechoslovakia would grow; exporters in Turku and Tampere agreed.",
			ents:  []ent{{"PLACE", "Finland"}, {"PLACE", "Soviet Union"}, {"PLACE", "Czechoslovakia"}, {"PLACE", "Turku"}, {"PLACE", "Tampere"}},
			want:  []want{{"HELSINKI", "Helsinki", "FI", "Uusimaa", FeatureCity}, {"Finland", "Finland", "FI", "", FeatureCountry}, {"Turku", "Turku", "FI", "Southwest Finland", FeatureCity}, {"Tampere", "Tampere", "FI", "Pirkanmaa", FeatureCity}},
			unres: []string{"Soviet Union", "Czechoslovakia"},
		},
		{
			name: "the English regions of a British story are parts of England, and Wales is the nation",
			text: "Prices rose in the North West and the Midlands but fell in the South East and London; in England they were flat, while Wales saw the biggest fall.",
			ents: []ent{{"PLACE", "North West"}, {"PLACE", "Midlands"}, {"PLACE", "South East"}, {"PLACE", "London"}, {"PLACE", "England"}, {"PLACE", "Wales"}},
			want: []want{{"North West", "North West", "GB", "England", FeatureOther}, {"Midlands", "Midlands", "GB", "England", FeatureOther},
				{"South East", "South East", "GB", "England", FeatureOther}, {"London", "London", "GB", "England", FeatureCity},
				{"England", "England", "GB", "England", FeatureAdmin1}, {"Wales", "Wales", "GB", "Wales", FeatureAdmin1}},
		},
		{
			name: "a government metonym that is no place stays out; a person is not a place",
			text: "The White House and the Kremlin spoke; George Washington was quoted.",
			ents: []ent{{"ORG", "White House"}, {"ORG", "Kremlin"}, {"PERSON", "George Washington"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newArticle(t, "", tc.text, tc.ents...)
			if err := res.Extract(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			byMention := checkPlaces(t, a, tc.want, tc.unres)
			for _, w := range tc.want {
				if p, ok := byMention[w.mention]; ok && p.GeonameID == 0 && (w.feature != FeatureOther || w.cc == "") { // a place the gazetteer lacks has a country, no id
					t.Errorf("%q → %s without a GeoNames id", w.mention, p.Name)
				}
			}
		})
	}
}
